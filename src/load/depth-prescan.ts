/**
 * How deep a YAML text nests, measured before the parser runs. eemeli/yaml recurses once per level (its
 * composer catches the overflow, its CST parser does not: `- - - ... x` a few thousand levels deep followed
 * by a dedented key throws RangeError out of parseDocument), so depth is refused here first, in one pass.
 *
 * Depth is counted as checkStructure counts it on the parsed tree: the top-level collection is 0, each
 * collection inside another one more. Block collections are tracked by indentation (a map by its keys'
 * column, a list by its dashes' column, `key:\n- item` at the key's column included), flow collections by
 * their openers outside quotes and comments, compact lists by runs of `- ` on one line. Block scalars and
 * quoted text are skipped. On well-formed YAML the count is checkStructure's (a property test holds them
 * together), except that the continuation lines of a multi-line plain scalar are counted as if they were
 * nodes; on broken YAML it counts where the parser would nest. checkStructure stays the exact check on the
 * parsed tree; this scan has to stop what the parser cannot survive.
 */

interface Block {
  /** Column of the keys (map) or of the dashes (list). */
  indent: number;
  depth: number;
  seq: boolean;
}

/** `- ` and `key:` one after the other in a flow collection, with no bracket or comma between them. */
interface Run {
  dashes: number;
  colons: number;
  questions: number;
}

const NO_RUN: Run = { dashes: 0, colons: 0, questions: 0 };

type Mode =
  | { kind: 'block' }
  | { kind: 'flow'; base: number; level: number; expectNode: boolean; afterQuoted: boolean; run: Run; quote?: '"' | "'" }
  | { kind: 'quote'; quote: '"' | "'" }
  /** Inside a block scalar (`|`, `>`): lines indented past `parentIndent` are its text. */
  | { kind: 'scalar'; parentIndent: number };

/** Offset of the first collection nested `limit` levels deep (depth index `limit`), or undefined. */
export function firstTooDeep(text: string, limit: number): number | undefined {
  const blocks: Block[] = [];
  let mode: Mode = { kind: 'block' };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const scan = new LineScan(text, lineStart, lineEnd, blocks, limit);
    mode = scan.run(mode);
    if (scan.found !== undefined) return scan.found;
    lineStart = lineEnd + 1;
  }
  return undefined;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r';
const isBreakOrSpace = (c: string | undefined) => c === undefined || isSpace(c);
const FLOW_INDICATORS = new Set([',', '[', ']', '{', '}']);

class LineScan {
  found: number | undefined;

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
    private readonly blocks: Block[],
    private readonly limit: number,
  ) {}

  private at(i: number): string | undefined {
    return i < this.end ? this.text[i] : undefined;
  }

  run(mode: Mode): Mode {
    let i = this.start;
    if (mode.kind === 'scalar') {
      const first = this.skipSpaces(i);
      if (first >= this.end || first - this.start > mode.parentIndent) return mode;
      mode = { kind: 'block' };
    }
    if (mode.kind === 'quote') {
      i = this.skipQuoted(i, mode.quote);
      if (i > this.end) return mode;
      // What follows the closing quote on this line is read as nodes one level in (`"a": b` makes a map).
      const top = this.blocks[this.blocks.length - 1];
      return this.node(i, top ? top.depth + 1 : 0, undefined);
    }
    if (mode.kind === 'flow') return this.flow(i, mode);
    return this.lineStart();
  }

  private lineStart(): Mode {
    const first = this.skipSpaces(this.start);
    const c = this.at(first);
    if (c === undefined || c === '#') return { kind: 'block' };
    const column = first - this.start;
    if (column === 0 && c === '%') return { kind: 'block' };
    if (column === 0 && this.documentMarker(first)) {
      // A new document: whatever follows `--- ` on the line is its top-level node.
      this.blocks.length = 0;
      return this.node(first + 3, 0, undefined);
    }
    const dash = c === '-' && isBreakOrSpace(this.at(first + 1));
    const blocks = this.blocks;
    while (blocks.length > 0) {
      const top = blocks[blocks.length - 1]!;
      const below = blocks[blocks.length - 2];
      // A list at its map's column (`key:\n- item`) ends at the next key of that map.
      const listEnds = top.indent === column && top.seq && !dash && below?.indent === column;
      if (top.indent > column || listEnds) blocks.pop();
      else break;
    }
    const top = blocks[blocks.length - 1];
    const sibling = top !== undefined && top.indent === column && top.seq === dash ? top : undefined;
    const depth = sibling ? sibling.depth : top ? top.depth + 1 : 0;
    return this.node(first, depth, sibling);
  }

  /**
   * A node starting at `i` in block context; a collection starting here is `depth` deep. `sibling` is the
   * open collection this line continues (its next key or dash), when there is one. What follows a key or a
   * dash on the same line is a node again: `a: b: c` and `a: - b` are not YAML, but the parser nests on
   * them all the same (and slowly), so they are counted rather than skipped.
   */
  private node(i: number, depth: number, sibling: Block | undefined): Mode {
    for (;;) {
      i = this.skipSpaces(i);
      const c = this.at(i);
      if (c === undefined || c === '#') return { kind: 'block' };
      let next: number | undefined;
      if ((c === '-' || c === '?' || c === ':') && isBreakOrSpace(this.at(i + 1))) {
        if (!this.open(i, depth, c === '-', sibling)) return { kind: 'block' };
        next = i + 1;
      } else if (c === '&' || c === '!') {
        i = this.skipToken(i);
        continue;
      } else if (c === '[' || c === '{') {
        return this.flow(i, { kind: 'flow', base: depth, level: 0, expectNode: true, afterQuoted: false, run: NO_RUN });
      } else if (c === '|' || c === '>') {
        return { kind: 'scalar', parentIndent: this.innermostIndent() };
      } else if (c === '"' || c === "'") {
        const close = this.skipQuoted(i + 1, c);
        if (close > this.end) return { kind: 'quote', quote: c };
        const colon = this.skipSpaces(close);
        if (this.at(colon) !== ':' || !isBreakOrSpace(this.at(colon + 1))) return { kind: 'block' };
        if (!this.open(i, depth, false, sibling)) return { kind: 'block' };
        next = colon + 1;
      } else {
        // A plain scalar (or an alias): a key when `: ` follows on this line before a comment. The lines
        // below a plain scalar are read as new lines, not skipped as its continuation: the parser does not
        // always agree that they continue it (`key: value` then `  : : : ...` nests).
        const colon = c === '*' ? undefined : this.plainKeyColon(i);
        if (colon === undefined) return { kind: 'block' };
        if (!this.open(i, depth, false, sibling)) return { kind: 'block' };
        next = colon + 1;
      }
      sibling = undefined;
      depth += 1;
      i = next;
    }
  }

  /** Records a block collection at offset `i` unless it continues `sibling`; false once the limit is crossed. */
  private open(i: number, depth: number, seq: boolean, sibling: Block | undefined): boolean {
    if (sibling && sibling.seq === seq) return true;
    if (depth >= this.limit) {
      this.found = i;
      return false;
    }
    this.blocks.push({ indent: i - this.start, depth, seq });
    return true;
  }

  /**
   * Flow collections, across lines. `expectNode`: a node may start here (after `[`, `{`, `,`, `?` or a `:`
   * indicator): only there does a quote open a quoted scalar, since inside a plain scalar (`[it's]`) it is text.
   * `- ` where a node may start, and a second `key:` or `? ` before any comma (`[a: b: c]`), are not YAML, but the
   * parser nests on each one all the same: each counts as a level.
   */
  private flow(i: number, mode: Extract<Mode, { kind: 'flow' }>): Mode {
    let { level, expectNode, afterQuoted } = mode;
    let { dashes, colons, questions } = mode.run;
    let quote = mode.quote;
    const tooDeep = (at: number) => {
      if (mode.base + level + dashes + Math.max(colons - 1, 0) + Math.max(questions - 1, 0) < this.limit) return false;
      this.found = at;
      return true;
    };
    for (; i < this.end; i++) {
      const c = this.text[i]!;
      if (quote) {
        const close = this.skipQuoted(i, quote);
        if (close > this.end) return { ...mode, level, quote, expectNode: false, afterQuoted: false, run: { dashes, colons, questions } };
        quote = undefined;
        afterQuoted = true;
        expectNode = false;
        i = close - 1;
      } else if (isSpace(c)) {
        continue;
      } else if (c === '#' && (i === this.start || isSpace(this.text[i - 1]))) {
        break;
      } else if (c === '-' && expectNode && isBreakOrSpace(this.at(i + 1))) {
        if (tooDeep(i)) return { kind: 'block' };
        dashes += 1;
      } else if (c === '[' || c === '{') {
        if (tooDeep(i)) return { kind: 'block' };
        level += 1;
        dashes = colons = questions = 0;
        expectNode = true;
      } else if (c === ']' || c === '}') {
        level -= 1;
        if (level <= 0) return { kind: 'block' };
        dashes = colons = questions = 0;
        expectNode = false;
        afterQuoted = true;
      } else if (c === ',') {
        dashes = colons = questions = 0;
        expectNode = true;
        afterQuoted = false;
      } else if (c === '?' && expectNode && isBreakOrSpace(this.at(i + 1))) {
        questions += 1;
        if (questions > 1 && tooDeep(i)) return { kind: 'block' };
      } else if (c === ':' && (afterQuoted || isBreakOrSpace(this.at(i + 1)) || FLOW_INDICATORS.has(this.at(i + 1)!))) {
        colons += 1;
        if (colons > 1 && tooDeep(i)) return { kind: 'block' };
        expectNode = true;
        afterQuoted = false;
      } else if ((c === '"' || c === "'") && expectNode) {
        quote = c;
      } else if ((c === '&' || c === '!') && expectNode) {
        i = this.skipToken(i) - 1;
      } else {
        expectNode = false;
        afterQuoted = false;
      }
    }
    return level > 0 ? { kind: 'flow', base: mode.base, level, expectNode, afterQuoted, run: { dashes, colons, questions } } : { kind: 'block' };
  }

  /** Offset just past the closing quote, or past the line's end when the quote continues on the next line. */
  private skipQuoted(i: number, quote: '"' | "'"): number {
    for (; i < this.end; i++) {
      const c = this.text[i];
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) {
        if (quote === "'" && this.text[i + 1] === "'" && i + 1 < this.end) i++;
        else return i + 1;
      }
    }
    return this.end + 1;
  }

  /** The `:` that makes a plain scalar a key (`: ` or `:` at the end of the line), before any ` #`. */
  private plainKeyColon(i: number): number | undefined {
    for (; i < this.end; i++) {
      const c = this.text[i];
      if (c === ':' && isBreakOrSpace(this.at(i + 1))) return i;
      if (c === '#' && isSpace(this.text[i - 1])) return undefined;
    }
    return undefined;
  }

  private skipSpaces(i: number): number {
    while (i < this.end && isSpace(this.text[i])) i++;
    return i;
  }

  private skipToken(i: number): number {
    while (i < this.end && !isSpace(this.text[i])) i++;
    return i;
  }

  private documentMarker(i: number): boolean {
    const three = this.text.slice(i, i + 3);
    return (three === '---' || three === '...') && isBreakOrSpace(this.at(i + 3));
  }

  private innermostIndent(): number {
    return this.blocks.length > 0 ? this.blocks[this.blocks.length - 1]!.indent : -1;
  }
}
