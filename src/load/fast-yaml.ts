import { readBlockScalar } from './block-scalar';
import { resolvePlain } from './core-scalar';
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  DASH,
  DOT,
  DOUBLE_QUOTE,
  FLOW_INDICATOR,
  GREATER,
  HASH,
  INDICATOR,
  KEY_CHAR,
  KEY_START,
  NL,
  OPEN_BRACE,
  OPEN_BRACKET,
  PIPE,
  QUESTION,
  SINGLE_QUOTE,
  SPACE,
  isClass,
  plainCharacters,
} from './fast-yaml-chars';
import type { TreeMap, TreeNode, TreePair } from './yaml-tree';

/**
 * A parser for the block-style YAML terra-iac files are written in: a map at the root, nested block maps and
 * lists, one-line plain and quoted scalars, literal and folded block scalars (block-scalar.ts), one-line
 * flow collections (`{ fromEnv: X }`, `[a, b]`) and comments. In one pass it builds the plain data and,
 * for fastParse, the tree (yaml's offsets; test/property/fast-yaml-agreement.test.ts compares them):
 * 2001 generated files took 26-70 ms in one process, yaml's `parseDocument` 2.0-2.4 s (load average 12).
 * It gives up (undefined) on anything else, and parse-yaml.ts then takes yaml's full path, which reports
 * every problem precisely. It never decides that a file is wrong, only that it is not plain enough for it.
 */
export interface FastParse {
  root: TreeMap;
  data: Record<string, unknown>;
  commentTexts: string[];
}

/** What fastData gives: fastParse's data and comment texts, without the tree. */
export interface FastData {
  data: Record<string, unknown>;
  commentTexts: string[];
}

/** Thrown, and caught in Parser.document, wherever the text leaves the subset. */
const GIVE_UP = Symbol('fast-yaml: not in the subset');

/** Far below MAX_NESTING_DEPTH: deeper files are unusual, and yaml's path reports the limit. */
const MAX_DEPTH = 40;
/** yaml refuses implicit keys over 1024 characters; well below that the fast path stops trying. */
const MAX_KEY_LENGTH = 512;

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The tree, data and comment texts of a text in the subset; undefined for any other text. */
export function fastParse(text: string): FastParse | undefined {
  const parser = new Parser(text, true);
  const data = parser.document();
  return data === undefined ? undefined : { root: parser.node as TreeMap, data, commentTexts: parser.comments };
}

/**
 * fastParse without the tree, for a caller that needs only the data: the same parser, building no nodes.
 * It gives up on exactly the texts fastParse gives up on (test/load/fast-yaml-modes.test.ts).
 */
export function fastData(text: string): FastData | undefined {
  const parser = new Parser(text, false);
  const data = parser.document();
  return data === undefined ? undefined : { data, commentTexts: parser.comments };
}

function giveUp(): never {
  throw GIVE_UP;
}

/** The first key name a map does not accept: yaml-duplicate-key's to report, or one unsafe to assign. */
function refusedKey(name: string, data: Record<string, unknown>): boolean {
  if (Object.prototype.hasOwnProperty.call(data, name)) return true;
  if ((name.length === 9 || name.length === 11) && UNSAFE_KEYS.has(name)) return true;
  return typeof resolvePlain(name) !== 'string';
}

/**
 * One pass over the text. Each value read leaves what its caller needs in fields rather than in an object
 * per value: `end` (where an inline value ends, yaml's range[1]), `end2` (range[2], where its trailing
 * whitespace and comments end) and, when `tree` is on, `node`.
 */
class Parser {
  private readonly len: number;
  /** First character of the current content line (after its indentation), or len at the end. */
  private cur = 0;
  private indent = -1;
  private eof = false;
  /** Indentation of the first comment line between the last content line and the current one, or -1. */
  private run = -1;
  /** Indentation of each block collection open around the current line, outermost first. */
  private readonly open: number[] = [];
  readonly comments: string[] = [];
  /** The node of the value read last (tree mode only). */
  node: TreeNode | null = null;
  private end = 0;
  private end2 = 0;
  private readonly hashes: NextIndex;
  private readonly colons: NextIndex;

  constructor(
    private readonly text: string,
    private readonly tree: boolean,
  ) {
    this.len = text.length;
    this.hashes = new NextIndex(text, '#');
    this.colons = new NextIndex(text, ':');
  }

  document(): Record<string, unknown> | undefined {
    if (!plainCharacters(this.text)) return undefined;
    try {
      this.nextContentLine(0, true);
      if (this.eof || this.indent !== 0 || this.dashItem()) giveUp();
      this.run = -1;
      const data = this.blockMap(0, 1);
      if (!this.eof) giveUp();
      return data;
    } catch (error) {
      if (error === GIVE_UP) return undefined;
      throw error;
    }
  }

  /**
   * Moves to the next line holding content, from the start of a line, collecting comment lines on the way.
   * `afterKey`: the previous line ended with `key:`, so what follows may be its nested block.
   */
  private nextContentLine(from: number, afterKey: boolean): void {
    const { text, len } = this;
    this.run = -1;
    let lineStart = from;
    for (;;) {
      let i = lineStart;
      while (i < len && text.charCodeAt(i) === SPACE) i++;
      if (i >= len) {
        this.atEnd();
        break;
      }
      const c = text.charCodeAt(i);
      if (c === NL) {
        lineStart = i + 1;
        continue;
      }
      if (c === HASH) {
        if (this.run === -1) this.run = i - lineStart;
        // Comment lines indented unlike each other between two content lines: where yaml ends the
        // collections around them (range[2]) depends on more than the first one, so the full path decides.
        else if (this.run !== i - lineStart) giveUp();
        const eol = text.indexOf('\n', i);
        this.comments.push(text.slice(i + 1, eol === -1 ? len : eol));
        if (eol === -1) {
          this.atEnd();
          break;
        }
        lineStart = eol + 1;
        continue;
      }
      // `---` and `...` at the start of a line: a document marker (YAML 1.2 c-forbidden).
      if (i === lineStart && (c === DASH || c === DOT) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) giveUp();
      this.cur = i;
      this.indent = i - lineStart;
      break;
    }
    // A comment indented unlike every open collection: yaml may attach it (and its range) to a scalar.
    if (this.run !== -1 && !afterKey && !this.isOpen(this.run)) giveUp();
  }

  private atEnd(): void {
    this.eof = true;
    this.cur = this.len;
    this.indent = -1;
  }

  private isOpen(indent: number): boolean {
    const { open } = this;
    for (let k = open.length - 1; k >= 0; k--) if (open[k] === indent) return true;
    return false;
  }

  /** The current line starts a list item (`- `). */
  private dashItem(): boolean {
    if (this.text.charCodeAt(this.cur) !== DASH) return false;
    const next = this.text.charCodeAt(this.cur + 1);
    if (next === SPACE) return true;
    if (next === NL || this.cur + 1 >= this.len) giveUp();
    return false;
  }

  /**
   * A collection ends: comment lines before the next content line belong to it (yaml's range[2]) when the
   * first of them is indented like it and the next content line is not (it belongs to the next line
   * otherwise); the innermost such collection takes them, and at the end of the file none does for
   * comments at the left margin (they are the document's).
   */
  private close(end2: number): number {
    let end = end2;
    const indent = this.open[this.open.length - 1];
    if (this.run !== -1 && this.run === indent && (this.eof ? this.run !== 0 : this.indent < this.run)) {
      end = this.eof ? this.len : this.cur;
      this.run = -1;
    }
    this.open.pop();
    return end;
  }

  private blockMap(indent: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) giveUp();
    this.open.push(indent);
    const { text, len, tree } = this;
    const start = this.cur;
    const pairs: TreePair[] = [];
    const data: Record<string, unknown> = {};
    for (;;) {
      const keyAt = this.cur;
      const colon = this.keyEnd(keyAt);
      const name = text.slice(keyAt, colon);
      if (refusedKey(name, data)) giveUp();
      let q = colon + 1;
      while (q < len && text.charCodeAt(q) === SPACE) q++;
      const c = q < len ? text.charCodeAt(q) : NL;
      let value: unknown;
      if (c === NL || c === HASH) value = this.afterEmptyValue(q, c === HASH, indent, depth);
      else if (c === PIPE || c === GREATER) value = this.blockScalar(q, indent);
      else {
        value = this.inline(q, depth, false);
        this.lineEnd();
      }
      if (tree) pairs.push({ key: { kind: 'scalar', start: keyAt, end: colon, value: name }, value: this.node });
      data[name] = value;
      if (this.eof || this.indent < indent) break;
      if (this.indent > indent || this.dashItem()) giveUp();
    }
    const last = this.end2;
    this.end2 = this.close(last);
    if (tree) this.node = { kind: 'map', start, end: last, pairs };
    return data;
  }

  /** Where a key as the fast path accepts it, at `at`, ends: at its colon, with a space or line end after it. */
  private keyEnd(at: number): number {
    const { text, len } = this;
    if (!isClass(text.charCodeAt(at), KEY_START)) giveUp();
    let i = at + 1;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (isClass(c, KEY_CHAR)) continue;
      if (c === COLON) {
        const next = i + 1 < len ? text.charCodeAt(i + 1) : NL;
        if (next === SPACE || next === NL) break;
        continue;
      }
      giveUp();
    }
    if (i >= len || i - at > MAX_KEY_LENGTH) giveUp();
    return i;
  }

  /** `key:` with nothing after it on the line: a nested block, a list at the same indentation, or null. */
  private afterEmptyValue(q: number, comment: boolean, indent: number, depth: number): unknown {
    const { text, len } = this;
    const eol = text.indexOf('\n', q);
    const lineEnd = eol === -1 ? len : eol + 1;
    if (comment) this.comments.push(text.slice(q + 1, eol === -1 ? len : eol));
    this.nextContentLine(lineEnd, true);
    if (!this.eof && this.indent > indent) {
      this.run = -1;
      return this.dashItem() ? this.blockSeq(this.indent, false, depth + 1) : this.blockMap(this.indent, depth + 1);
    }
    if (!this.eof && this.indent === indent && this.dashItem()) {
      this.run = -1;
      return this.blockSeq(indent, true, depth + 1);
    }
    // yaml's range of a null with a comment after it, or comments under it, follows rules of its own.
    if (this.run !== -1 || comment) giveUp();
    // yaml's empty value sits where the line's content would start.
    if (this.tree) this.node = { kind: 'scalar', start: q, end: q, value: null };
    this.end2 = q;
    return null;
  }

  /** A literal or folded scalar, its header at `q`, in a collection indented `parentIndent`. */
  private blockScalar(q: number, parentIndent: number): string {
    const scalar = readBlockScalar(this.text, q, parentIndent);
    if (scalar === undefined) giveUp();
    if (this.tree) this.node = { kind: 'scalar', start: q, end: scalar.end, value: scalar.value };
    this.end2 = scalar.end;
    this.nextContentLine(scalar.end, false);
    return scalar.value;
  }

  /** A block list at `indent`; `shared`: it is the value of a key at the same indentation. */
  private blockSeq(indent: number, shared: boolean, depth: number): unknown[] {
    if (depth > MAX_DEPTH) giveUp();
    this.open.push(indent);
    const { text, len, tree } = this;
    const start = this.cur;
    const items: TreeNode[] = [];
    const data: unknown[] = [];
    for (;;) {
      let q = this.cur + 1;
      while (q < len && text.charCodeAt(q) === SPACE) q++;
      const c = q < len ? text.charCodeAt(q) : NL;
      if (c === NL || c === HASH || (c === DASH && text.charCodeAt(q + 1) === SPACE)) giveUp();
      if (isClass(c, KEY_START) && this.startsPair(q)) {
        const column = this.indent + (q - this.cur);
        this.cur = q;
        this.indent = column;
        data.push(this.blockMap(column, depth + 1));
      } else if (c === PIPE || c === GREATER) {
        data.push(this.blockScalar(q, indent));
      } else {
        data.push(this.inline(q, depth, false));
        this.lineEnd();
      }
      if (tree) items.push(this.node!);
      if (this.eof || this.indent < indent) break;
      if (this.indent > indent) giveUp();
      if (!this.dashItem()) {
        if (shared) break;
        giveUp();
      }
    }
    const last = this.end2;
    this.end2 = this.close(last);
    if (tree) this.node = { kind: 'seq', start, end: last, items };
    return data;
  }

  /** Whether a list item's content is `key: ...` (a map written on the item's line). */
  private startsPair(q: number): boolean {
    const { text, len } = this;
    for (let i = q; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c === NL) return false;
      if (c === COLON) {
        const next = i + 1 < len ? text.charCodeAt(i + 1) : NL;
        if (next === SPACE || next === NL) return true;
      } else if (c === SPACE && text.charCodeAt(i + 1) === HASH) return false;
    }
    return false;
  }

  /** After an inline value (ending at `end`): spaces, perhaps a comment, and the line's end. */
  private lineEnd(): void {
    const { text, len } = this;
    let p = this.end;
    while (p < len && text.charCodeAt(p) === SPACE) p++;
    if (p < len && text.charCodeAt(p) === HASH) {
      if (p === this.end) giveUp();
      const eol = text.indexOf('\n', p);
      this.comments.push(text.slice(p + 1, eol === -1 ? len : eol));
      p = eol === -1 ? len : eol;
    }
    if (p < len && text.charCodeAt(p) !== NL) giveUp();
    const end2 = p < len ? p + 1 : len;
    this.end2 = end2;
    this.nextContentLine(end2, false);
  }

  /** A value that starts and ends on this line: a flow collection, a quoted or a plain scalar. */
  private inline(q: number, depth: number, flow: boolean): unknown {
    const c = this.text.charCodeAt(q);
    if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (depth + 1 > MAX_DEPTH) giveUp();
      return c === OPEN_BRACKET ? this.flowSeq(q, depth + 1) : this.flowMap(q, depth + 1);
    }
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return this.quoted(q, c);
    return this.plain(q, flow);
  }

  private quoted(q: number, quote: number): string {
    const { text, len } = this;
    let i = q + 1;
    let value: string;
    if (quote === DOUBLE_QUOTE) {
      for (; i < len; i++) {
        const c = text.charCodeAt(i);
        if (c === DOUBLE_QUOTE) break;
        if (c === BACKSLASH || c === NL) giveUp();
      }
      if (i >= len) giveUp();
      value = text.slice(q + 1, i);
    } else {
      let escaped = false;
      for (; i < len; i++) {
        const c = text.charCodeAt(i);
        if (c === NL) giveUp();
        if (c === SINGLE_QUOTE) {
          if (text.charCodeAt(i + 1) === SINGLE_QUOTE) {
            escaped = true;
            i++;
            continue;
          }
          break;
        }
      }
      if (i >= len) giveUp();
      value = text.slice(q + 1, i);
      if (escaped) value = value.replace(/''/g, "'");
    }
    const end = i + 1;
    let p = end;
    while (p < len && text.charCodeAt(p) === SPACE) p++;
    // `"key": value` is a quoted key: yaml's path.
    if (p < len && text.charCodeAt(p) === COLON) giveUp();
    if (this.tree) this.node = { kind: 'scalar', start: q, end, value };
    this.end = end;
    return value;
  }

  /** A plain scalar on one line; in flow context it also ends at `,` `]` `}`. */
  private plain(q: number, flow: boolean): unknown {
    const { text, len } = this;
    const first = text.charCodeAt(q);
    if (isClass(first, INDICATOR)) giveUp();
    if (first === DASH || first === QUESTION || first === COLON) {
      const next = q + 1 < len ? text.charCodeAt(q + 1) : NL;
      if (next === SPACE || next === NL || (flow && isClass(next, FLOW_INDICATOR))) giveUp();
    }
    return flow ? this.flowPlain(q) : this.blockPlain(q);
  }

  /**
   * The rest of a plain scalar in block context, by searching rather than stepping through it: it ends at
   * ` #` or the line's end, and a `: ` (or `:` at the line's end) before that makes the line a pair.
   */
  private blockPlain(q: number): unknown {
    const { text, len } = this;
    const eol = this.lineEndAt(q);
    let cut = eol;
    for (let h = this.hashes.at(q); h < eol; h = this.hashes.at(h + 1)) {
      if (text.charCodeAt(h - 1) === SPACE) {
        cut = h - 1;
        break;
      }
    }
    for (let k = this.colons.at(q); k < cut; k = this.colons.at(k + 1)) {
      const next = k + 1 < len ? text.charCodeAt(k + 1) : NL;
      if (next === SPACE || next === NL) giveUp();
    }
    return this.plainValue(q, cut);
  }

  /** The rest of a plain scalar in a flow collection: it ends at `,` `]` `}`, on the same line. */
  private flowPlain(q: number): unknown {
    const { text, len } = this;
    let i = q;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c === NL || (c === SPACE && text.charCodeAt(i + 1) === HASH)) giveUp();
      if (c === COLON) {
        const next = i + 1 < len ? text.charCodeAt(i + 1) : NL;
        if (next === SPACE || next === NL || isClass(next, FLOW_INDICATOR)) giveUp();
      } else if (isClass(c, FLOW_INDICATOR)) {
        if (c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE) break;
        giveUp();
      }
    }
    if (i >= len) giveUp();
    return this.plainValue(q, i);
  }

  /** The plain scalar from `q` to `cut`, its trailing spaces left out (the first character is no space). */
  private plainValue(q: number, cut: number): unknown {
    const { text } = this;
    let end = cut;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    const value = resolvePlain(text.slice(q, end));
    if (this.tree) this.node = { kind: 'scalar', start: q, end, value };
    this.end = end;
    return value;
  }

  private lineEndAt(from: number): number {
    const eol = this.text.indexOf('\n', from);
    return eol === -1 ? this.len : eol;
  }

  private skipSpaces(p: number): number {
    while (p < this.len && this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }

  private flowSeq(q: number, depth: number): unknown[] {
    const { text, tree } = this;
    const items: TreeNode[] = [];
    const data: unknown[] = [];
    let p = this.skipSpaces(q + 1);
    if (text.charCodeAt(p) !== CLOSE_BRACKET) {
      for (;;) {
        data.push(this.inline(p, depth, true));
        if (tree) items.push(this.node!);
        p = this.skipSpaces(this.end);
        const c = text.charCodeAt(p);
        if (c === COMMA) {
          p = this.skipSpaces(p + 1);
          if (text.charCodeAt(p) === CLOSE_BRACKET) giveUp();
          continue;
        }
        if (c === CLOSE_BRACKET) break;
        giveUp();
      }
    }
    const end = p + 1;
    if (tree) this.node = { kind: 'seq', start: q, end, items };
    this.end = end;
    return data;
  }

  private flowMap(q: number, depth: number): Record<string, unknown> {
    const { text, len, tree } = this;
    const pairs: TreePair[] = [];
    const data: Record<string, unknown> = {};
    let p = this.skipSpaces(q + 1);
    if (text.charCodeAt(p) !== CLOSE_BRACE) {
      for (;;) {
        if (!isClass(text.charCodeAt(p), KEY_START)) giveUp();
        let i = p + 1;
        while (i < len && isClass(text.charCodeAt(i), KEY_CHAR)) i++;
        if (text.charCodeAt(i) !== COLON || text.charCodeAt(i + 1) !== SPACE || i - p > MAX_KEY_LENGTH) giveUp();
        const name = text.slice(p, i);
        if (refusedKey(name, data)) giveUp();
        const v = this.skipSpaces(i + 1);
        const c0 = text.charCodeAt(v);
        if (c0 === COMMA || c0 === CLOSE_BRACE || c0 === NL || v >= len) giveUp();
        data[name] = this.inline(v, depth, true);
        if (tree) pairs.push({ key: { kind: 'scalar', start: p, end: i, value: name }, value: this.node });
        p = this.skipSpaces(this.end);
        const c = text.charCodeAt(p);
        if (c === COMMA) {
          p = this.skipSpaces(p + 1);
          if (text.charCodeAt(p) === CLOSE_BRACE) giveUp();
          continue;
        }
        if (c === CLOSE_BRACE) break;
        giveUp();
      }
    }
    const end = p + 1;
    if (tree) this.node = { kind: 'map', start: q, end, pairs };
    this.end = end;
    return data;
  }
}

/**
 * The first `char` at or after a position (the text's length if none). Plain scalars are read in the order of
 * the text, so the last answer, remembered with where it was searched from, answers most questions without a
 * search.
 */
class NextIndex {
  private found = -1;
  private from = 0;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  at(from: number): number {
    if (from < this.from || from > this.found) {
      const found = this.text.indexOf(this.char, from);
      this.found = found === -1 ? this.text.length : found;
    }
    this.from = from;
    return this.found;
  }
}
