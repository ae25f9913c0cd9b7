import { DASH, GREATER, NL, PLUS, SPACE } from './fast-yaml-chars';

/** A block scalar as yaml reads it: its value, and where its range ends (range[1], range[2] alike). */
export interface BlockScalar {
  value: string;
  end: number;
}

/**
 * The literal (`|`) or folded (`>`) scalar whose header is at `at`, with clip, strip (`-`) or keep (`+`)
 * chomping (YAML 1.2.2 §8.1, https://yaml.org/spec/1.2.2/#81-block-scalar-styles), its content indented
 * deeper than `parentIndent` (auto-detected from its first line). `undefined` for what this does not read
 * exactly as yaml does, left to yaml's path: an indentation indicator or anything else after the header,
 * no content, empty lines before the first one, a blank line holding more spaces than the content's
 * indentation (content to yaml), and in a folded scalar more-indented lines (folded by rules of their own).
 * Where it ends is yaml's, not the spec's: after the last content line for clip and strip, after the
 * trailing empty lines for keep (a last line of spaces without a line break only if it is as deep as the
 * content); and yaml gives clip and keep their final line break at the end of the file too.
 */
export function readBlockScalar(text: string, at: number, parentIndent: number): BlockScalar | undefined {
  const len = text.length;
  const folded = text.charCodeAt(at) === GREATER;
  let p = at + 1;
  const chomp = text.charCodeAt(p);
  const keep = chomp === PLUS;
  const strip = chomp === DASH;
  if (keep || strip) p++;
  if (p >= len || text.charCodeAt(p) !== NL) return undefined;
  let contentIndent = -1;
  let value = '';
  /** Empty lines since the last content line. */
  let breaks = 0;
  let contentEnd = 0;
  let keepEnd = 0;
  let lineStart = p + 1;
  while (lineStart < len) {
    let i = lineStart;
    while (i < len && text.charCodeAt(i) === SPACE) i++;
    const spaces = i - lineStart;
    if (i >= len || text.charCodeAt(i) === NL) {
      if (contentIndent === -1 || spaces > contentIndent) return undefined;
      if (i >= len) {
        // The file ends on a line of spaces: yaml's range takes it in only as deep as the content.
        if (spaces === contentIndent) keepEnd = len;
        break;
      }
      breaks++;
      lineStart = i + 1;
      keepEnd = lineStart;
      continue;
    }
    if (contentIndent === -1) {
      if (spaces <= parentIndent) return undefined;
      contentIndent = spaces;
    } else if (spaces < contentIndent) break;
    else if (folded && spaces > contentIndent) return undefined;
    const eol = text.indexOf('\n', i);
    const lineEnd = eol === -1 ? len : eol;
    const line = text.slice(lineStart + contentIndent, lineEnd);
    if (contentEnd === 0) value = line;
    else if (folded) value += breaks === 0 ? ` ${line}` : '\n'.repeat(breaks) + line;
    else value += '\n'.repeat(breaks + 1) + line;
    breaks = 0;
    contentEnd = eol === -1 ? len : eol + 1;
    keepEnd = contentEnd;
    lineStart = contentEnd;
  }
  if (contentEnd === 0) return undefined;
  if (strip) return { value, end: contentEnd };
  if (keep) return { value: value + '\n'.repeat(breaks + 1), end: keepEnd };
  return { value: `${value}\n`, end: contentEnd };
}
