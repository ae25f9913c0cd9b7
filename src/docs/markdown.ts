/** Text safe inside a Markdown table cell: pipes escaped, newlines folded. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();
}

/** A Markdown table; every cell is escaped. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** Sources as Markdown: URLs become autolinks, other references stay as written. */
export function sourceText(source: string): string {
  return source
    .split(/;\s*/)
    .map((part) => (/^https?:\/\/\S+$/.test(part) ? `<${part}>` : part))
    .join('; ');
}
