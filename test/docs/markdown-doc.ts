/** Just enough CommonMark for the docs tests: fenced code blocks, ATX headings, inline links, GitHub's anchors. */

export interface CodeBlock {
  /** The info string's first word (`yaml`, `sh`, ...), or '' for none. */
  lang: string;
  /** The block's lines with the fence's own indentation removed, joined with newlines, ending in one. */
  text: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The text of the nearest heading above the block. */
  heading: string;
}

interface Line {
  text: string;
  /** 1-based. */
  number: number;
  inCode: boolean;
}

const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

function classify(markdown: string): Line[] {
  const out: Line[] = [];
  let fence: { char: string; length: number } | undefined;
  markdown.split('\n').forEach((text, i) => {
    const match = FENCE.exec(text);
    if (fence) {
      const closes = match && match[2]![0] === fence.char && match[2]!.length >= fence.length && match[3] === '';
      out.push({ text, number: i + 1, inCode: true });
      if (closes) fence = undefined;
      return;
    }
    if (match) {
      fence = { char: match[2]![0]!, length: match[2]!.length };
      out.push({ text, number: i + 1, inCode: true });
      return;
    }
    out.push({ text, number: i + 1, inCode: false });
  });
  return out;
}

/** The line of a code fence that is never closed (it would swallow the rest of the page), if any. */
export function unclosedFence(markdown: string): number | undefined {
  let open: number | undefined;
  let fence: { char: string; length: number } | undefined;
  markdown.split('\n').forEach((text, i) => {
    const match = FENCE.exec(text);
    if (!match) return;
    if (!fence) {
      fence = { char: match[2]![0]!, length: match[2]!.length };
      open = i + 1;
    } else if (match[2]![0] === fence.char && match[2]!.length >= fence.length && match[3] === '') {
      fence = undefined;
      open = undefined;
    }
  });
  return open;
}

export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const h = HEADING.exec(text);
    if (h) heading = h[2]!;
    const open = FENCE.exec(text);
    if (!open) continue;
    const indent = open[1]!.length;
    const [char, length] = [open[2]![0]!, open[2]!.length];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = FENCE.exec(lines[j]!);
      if (close && close[2]![0] === char && close[2]!.length >= length && close[3] === '') break;
      const l = lines[j]!;
      body.push(l.slice(Math.min(indent, l.length - l.trimStart().length)));
    }
    blocks.push({ lang: open[3] ?? '', text: body.length ? `${body.join('\n')}\n` : '', line: i + 1, heading });
    i = j;
  }
  return blocks;
}

/** The rendered text of a heading's Markdown: link texts kept, code and emphasis markers dropped. */
function headingText(raw: string): string {
  return raw
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .replace(/\*/g, '');
}

/**
 * GitHub's anchor for a heading (github-slugger): lower case; every character that is not a letter, a
 * number, a mark, a connector (`_`), a hyphen or a space dropped; spaces become hyphens, one each.
 */
export function slug(heading: string): string {
  return headingText(heading)
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a page has, in order; a repeated slug gets -1, -2, ... as on GitHub. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of classify(markdown)) {
    if (line.inCode) continue;
    const h = HEADING.exec(line.text);
    if (!h) continue;
    const base = slug(h[2]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    out.add(count === 0 ? base : `${base}-${count}`);
  }
  return out;
}

export interface Link {
  target: string;
  line: number;
}

/** Inline links and reference definitions outside code (blocks and spans); autolinks are not relative. */
export function links(markdown: string): Link[] {
  const out: Link[] = [];
  for (const line of classify(markdown)) {
    if (line.inCode) continue;
    const text = line.text.replace(/(`+)[\s\S]*?\1/g, 'code');
    for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ target: m[1]!, line: line.number });
    const ref = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/.exec(text);
    if (ref) out.push({ target: ref[1]!, line: line.number });
  }
  return out;
}

/** Whether a link target leaves the repository (a URL with a scheme, or mail). */
export function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target);
}
