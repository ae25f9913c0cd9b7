/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A Markdown code span: one backtick, at least one character that is not a backtick or a line break, one backtick. */
const CODE_SPAN = /`([^`\r\n]+)`/g;

/**
 * Element content for a text that marks identifiers the Markdown way (`providers.GARMIN`), as messages and
 * hints do: each span becomes <code>, everything is escaped first (inside the spans too), and a backtick
 * without a partner stays a visible backtick. No other Markdown is read, so no text can become markup.
 */
export function htmlWithCode(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(CODE_SPAN)) {
    out += `${escapeHtml(text.slice(last, match.index))}<code>${escapeHtml(match[1]!)}</code>`;
    last = match.index + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

/**
 * Text for Markdown (GitHub-flavoured, also inside table cells): punctuation that would start emphasis,
 * links, code or a cell break is backslash-escaped, HTML is neutralised as entities, line breaks become
 * spaces, and an `@` that would mention someone in a PR comment is written as an entity.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]|~#]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/(^|\s)@/g, '$1&#64;');
}

/** An identifier shown as inline code; falls back to escaped text when it contains a backtick. */
export function markdownCode(text: string): string {
  if (/[`\r\n]/.test(text)) return escapeMarkdown(text);
  return `\`${text.replace(/\|/g, '\\|')}\``;
}

/**
 * One CSV field (RFC 4180). A field that a spreadsheet would read as a formula (= + - @, tab or carriage
 * return first) gets a leading apostrophe, as OWASP's CSV-injection guidance recommends.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
