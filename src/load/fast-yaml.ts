import { resolvePlain } from './core-scalar';
import type { TreeMap, TreeNode, TreePair, TreeScalar } from './yaml-tree';

/**
 * A parser for the block-style YAML terra-iac files are written in: a map at the root, nested block maps and
 * lists, one-line plain and quoted scalars, one-line flow collections (`{ fromEnv: X }`, `[a, b]`) and
 * comments. It builds the tree (yaml's offsets; test/property/fast-yaml-agreement.test.ts compares them)
 * and the plain data in one pass: 2001 generated files took 26-70 ms in one process, yaml's `parseDocument`
 * 2.0-2.4 s (load average 12). It gives up (returns undefined) on anything else, and parse-yaml.ts then takes
 * yaml's full path, which reports every problem precisely. It never decides that a file is wrong, only that
 * it is not plain enough for it.
 */
export interface FastParse {
  root: TreeMap;
  data: Record<string, unknown>;
  commentTexts: string[];
}

/** Thrown, and caught in fastParse, wherever the text leaves the subset. */
const GIVE_UP = Symbol('fast-yaml: not in the subset');

/** Far below MAX_NESTING_DEPTH: deeper files are unusual, and yaml's path reports the limit. */
const MAX_DEPTH = 40;
/** yaml refuses implicit keys over 1024 characters; well below that the fast path stops trying. */
const MAX_KEY_LENGTH = 512;

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function fastParse(text: string): FastParse | undefined {
  if (!plainCharacters(text)) return undefined;
  try {
    return new Parser(text).document();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/** Line feeds and printable characters only: no tabs, CR, control characters, BOM or surrogates (emoji). */
function plainCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c === 0x0a) continue;
    if (c < 0xa0 || (c >= 0xd800 && c <= 0xdfff) || c === 0xfeff || c === 0xfffe || c === 0xffff || c === 0x2028 || c === 0x2029) return false;
  }
  return true;
}

function giveUp(): never {
  throw GIVE_UP;
}

const SPACE = 0x20;
const NL = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;

/** [A-Za-z0-9_]: how a key the fast path accepts begins. */
function keyStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** [A-Za-z0-9_.$/-]: the rest of such a key (a colon too, when no space follows it: `aws:region`). */
function keyChar(c: number): boolean {
  return keyStart(c) || c === 0x2e || c === 0x24 || c === 0x2f || c === DASH;
}

/** Characters a plain scalar may not start with (YAML 1.2 c-indicator), `-`, `?` and `:` aside. */
const INDICATOR_START = new Set([...',[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

interface Built {
  node: TreeNode;
  data: unknown;
  /** yaml's range[2]: where the node's trailing whitespace and comments end. */
  end2: number;
}

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
  private readonly comments: string[] = [];

  constructor(private readonly text: string) {
    this.len = text.length;
  }

  document(): FastParse {
    this.nextContentLine(0, true);
    if (this.eof || this.indent !== 0 || this.dashItem()) giveUp();
    this.run = -1;
    const root = this.blockMap(0, 1);
    if (!this.eof) giveUp();
    return { root: root.node as TreeMap, data: root.data as Record<string, unknown>, commentTexts: this.comments };
  }

  /**
   * Moves to the next line holding content, from the start of a line, collecting comment lines on the way.
   * `afterKey`: the previous line ended with `key:`, so what follows may be its nested block.
   */
  private nextContentLine(from: number, afterKey = false): void {
    const { text, len } = this;
    this.run = -1;
    let lineStart = from;
    for (;;) {
      let i = lineStart;
      while (i < len && text.charCodeAt(i) === SPACE) i++;
      if (i >= len) {
        this.eof = true;
        this.cur = len;
        this.indent = -1;
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
          this.eof = true;
          this.cur = len;
          this.indent = -1;
          break;
        }
        lineStart = eol + 1;
        continue;
      }
      if (i === lineStart && (text.startsWith('---', i) || text.startsWith('...', i))) giveUp();
      this.cur = i;
      this.indent = i - lineStart;
      break;
    }
    // A comment indented unlike every open collection: yaml may attach it (and its range) to a scalar.
    if (this.run !== -1 && !afterKey && !this.open.includes(this.run)) giveUp();
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

  private blockMap(indent: number, depth: number): Built {
    if (depth > MAX_DEPTH) giveUp();
    this.open.push(indent);
    const { text } = this;
    const start = this.cur;
    const pairs: TreePair[] = [];
    const data: Record<string, unknown> = {};
    let last = start;
    for (;;) {
      const keyAt = this.cur;
      const name = this.plainKey(keyAt);
      // A repeated key is yaml-duplicate-key's to report.
      if (Object.prototype.hasOwnProperty.call(data, name)) giveUp();
      const colon = keyAt + name.length;
      const key: TreeScalar = { kind: 'scalar', start: keyAt, end: colon, value: name };
      let q = colon + 1;
      while (q < this.len && text.charCodeAt(q) === SPACE) q++;
      let value: Built;
      const c = q < this.len ? text.charCodeAt(q) : NL;
      if (c === NL || c === HASH) value = this.afterEmptyValue(q, c === HASH, indent, depth);
      else value = this.lineEnd(this.inline(q, depth, 'block'));
      pairs.push({ key, value: value.node });
      data[name] = value.data;
      last = value.end2;
      if (this.eof || this.indent < indent) break;
      if (this.indent > indent || this.dashItem()) giveUp();
    }
    const end2 = this.close(last);
    return { node: { kind: 'map', start, end: last, pairs }, data, end2 };
  }

  /** A key as the fast path accepts it, at `at`, with its colon and a space or line end after it. */
  private plainKey(at: number): string {
    const { text, len } = this;
    if (!keyStart(text.charCodeAt(at))) giveUp();
    let i = at + 1;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (keyChar(c)) continue;
      if (c === COLON) {
        const next = i + 1 < len ? text.charCodeAt(i + 1) : NL;
        if (next === SPACE || next === NL) break;
        continue;
      }
      giveUp();
    }
    if (i >= len || i - at > MAX_KEY_LENGTH) giveUp();
    const name = text.slice(at, i);
    if (typeof resolvePlain(name) !== 'string' || UNSAFE_KEYS.has(name)) giveUp();
    return name;
  }

  /** `key:` with nothing after it on the line: a nested block, a list at the same indentation, or null. */
  private afterEmptyValue(q: number, comment: boolean, indent: number, depth: number): Built {
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
    return { node: { kind: 'scalar', start: q, end: q, value: null }, data: null, end2: q };
  }

  /** A block list at `indent`; `shared`: it is the value of a key at the same indentation. */
  private blockSeq(indent: number, shared: boolean, depth: number): Built {
    if (depth > MAX_DEPTH) giveUp();
    this.open.push(indent);
    const { text } = this;
    const start = this.cur;
    const items: TreeNode[] = [];
    const data: unknown[] = [];
    let last = start;
    for (;;) {
      let q = this.cur + 1;
      while (q < this.len && text.charCodeAt(q) === SPACE) q++;
      const c = q < this.len ? text.charCodeAt(q) : NL;
      if (c === NL || c === HASH || (c === DASH && text.charCodeAt(q + 1) === SPACE)) giveUp();
      let item: Built;
      if (keyStart(c) && this.startsPair(q)) {
        const column = this.indent + (q - this.cur);
        this.cur = q;
        this.indent = column;
        item = this.blockMap(column, depth + 1);
      } else {
        item = this.lineEnd(this.inline(q, depth, 'block'));
      }
      items.push(item.node);
      data.push(item.data);
      last = item.end2;
      if (this.eof || this.indent < indent) break;
      if (this.indent > indent) giveUp();
      if (!this.dashItem()) {
        if (shared) break;
        giveUp();
      }
    }
    const end2 = this.close(last);
    return { node: { kind: 'seq', start, end: last, items }, data, end2 };
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

  /** After an inline value: spaces, perhaps a comment, and the line's end. */
  private lineEnd(value: { node: TreeNode; data: unknown; end: number }): Built {
    const { text, len } = this;
    let p = value.end;
    while (p < len && text.charCodeAt(p) === SPACE) p++;
    if (p < len && text.charCodeAt(p) === HASH) {
      if (p === value.end) giveUp();
      const eol = text.indexOf('\n', p);
      this.comments.push(text.slice(p + 1, eol === -1 ? len : eol));
      p = eol === -1 ? len : eol;
    }
    if (p < len && text.charCodeAt(p) !== NL) giveUp();
    const end2 = p < len ? p + 1 : len;
    this.nextContentLine(end2);
    return { node: value.node, data: value.data, end2 };
  }

  /** A value that starts and ends on this line: a flow collection, a quoted or a plain scalar. */
  private inline(q: number, depth: number, context: 'block' | 'flow'): { node: TreeNode; data: unknown; end: number } {
    const c = this.text.charCodeAt(q);
    if (c === 0x5b || c === 0x7b) {
      if (depth + 1 > MAX_DEPTH) giveUp();
      return c === 0x5b ? this.flowSeq(q, depth + 1) : this.flowMap(q, depth + 1);
    }
    if (c === 0x22 || c === 0x27) return this.quoted(q, c);
    return this.plain(q, context);
  }

  private quoted(q: number, quote: number): { node: TreeNode; data: unknown; end: number } {
    const { text, len } = this;
    let i = q + 1;
    let value: string;
    if (quote === 0x22) {
      for (; i < len; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22) break;
        if (c === 0x5c || c === NL) giveUp();
      }
      if (i >= len) giveUp();
      value = text.slice(q + 1, i);
    } else {
      let escaped = false;
      for (; i < len; i++) {
        const c = text.charCodeAt(i);
        if (c === NL) giveUp();
        if (c === 0x27) {
          if (text.charCodeAt(i + 1) === 0x27) {
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
    return { node: { kind: 'scalar', start: q, end, value }, data: value, end };
  }

  /** A plain scalar on one line; in flow context it also ends at `,` `]` `}`. */
  private plain(q: number, context: 'block' | 'flow'): { node: TreeNode; data: unknown; end: number } {
    const { text, len } = this;
    const first = text.charCodeAt(q);
    if (INDICATOR_START.has(first)) giveUp();
    if (first === DASH || first === 0x3f || first === COLON) {
      const next = q + 1 < len ? text.charCodeAt(q + 1) : NL;
      if (next === SPACE || next === NL || (context === 'flow' && (next === 0x2c || next === 0x5d || next === 0x7d || next === 0x5b || next === 0x7b))) giveUp();
    }
    const flow = context === 'flow';
    let i = q;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c === NL) break;
      if (c === SPACE) {
        if (text.charCodeAt(i + 1) === HASH) {
          if (flow) giveUp();
          break;
        }
        continue;
      }
      if (c === COLON) {
        const next = i + 1 < len ? text.charCodeAt(i + 1) : NL;
        if (next === SPACE || next === NL || (flow && (next === 0x2c || next === 0x5d || next === 0x7d || next === 0x5b || next === 0x7b))) giveUp();
        continue;
      }
      if (flow) {
        if (c === 0x2c || c === 0x5d || c === 0x7d) break;
        if (c === 0x5b || c === 0x7b) giveUp();
      }
    }
    if (flow && (i >= len || text.charCodeAt(i) === NL)) giveUp();
    let end = i;
    while (end > q && text.charCodeAt(end - 1) === SPACE) end--;
    if (end === q) giveUp();
    const raw = text.slice(q, end);
    const value = resolvePlain(raw);
    return { node: { kind: 'scalar', start: q, end, value }, data: value, end };
  }

  private skipSpaces(p: number): number {
    while (p < this.len && this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }

  private flowSeq(q: number, depth: number): { node: TreeNode; data: unknown; end: number } {
    const { text } = this;
    const items: TreeNode[] = [];
    const data: unknown[] = [];
    let p = this.skipSpaces(q + 1);
    if (text.charCodeAt(p) !== 0x5d) {
      for (;;) {
        const item = this.inline(p, depth, 'flow');
        items.push(item.node);
        data.push(item.data);
        p = this.skipSpaces(item.end);
        const c = text.charCodeAt(p);
        if (c === 0x2c) {
          p = this.skipSpaces(p + 1);
          if (text.charCodeAt(p) === 0x5d) giveUp();
          continue;
        }
        if (c === 0x5d) break;
        giveUp();
      }
    }
    const end = p + 1;
    return { node: { kind: 'seq', start: q, end, items }, data, end };
  }

  private flowMap(q: number, depth: number): { node: TreeNode; data: unknown; end: number } {
    const { text, len } = this;
    const pairs: TreePair[] = [];
    const data: Record<string, unknown> = {};
    let p = this.skipSpaces(q + 1);
    if (text.charCodeAt(p) !== 0x7d) {
      for (;;) {
        if (!keyStart(text.charCodeAt(p))) giveUp();
        let i = p + 1;
        while (i < len && keyChar(text.charCodeAt(i))) i++;
        if (text.charCodeAt(i) !== COLON || text.charCodeAt(i + 1) !== SPACE || i - p > MAX_KEY_LENGTH) giveUp();
        const name = text.slice(p, i);
        if (typeof resolvePlain(name) !== 'string' || UNSAFE_KEYS.has(name) || Object.prototype.hasOwnProperty.call(data, name)) giveUp();
        const v = this.skipSpaces(i + 1);
        const c0 = text.charCodeAt(v);
        if (c0 === 0x2c || c0 === 0x7d || c0 === NL || v >= len) giveUp();
        const value = this.inline(v, depth, 'flow');
        pairs.push({ key: { kind: 'scalar', start: p, end: i, value: name }, value: value.node });
        data[name] = value.data;
        p = this.skipSpaces(value.end);
        const c = text.charCodeAt(p);
        if (c === 0x2c) {
          p = this.skipSpaces(p + 1);
          if (text.charCodeAt(p) === 0x7d) giveUp();
          continue;
        }
        if (c === 0x7d) break;
        giveUp();
      }
    }
    const end = p + 1;
    return { node: { kind: 'map', start: q, end, pairs }, data, end };
  }
}
