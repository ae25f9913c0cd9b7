/**
 * A strict, small XML 1.0 well-formedness check for the reports this project writes (no DTDs, no CDATA,
 * no processing instructions beyond the declaration): balanced tags, quoted attributes, entities only
 * from the predefined five or character references, and only characters XML allows.
 * Returns the element names in document order so tests can assert structure too.
 */
export function checkXml(xml: string): { elements: Array<{ name: string; attributes: Record<string, string>; text: string }> } {
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(xml)) throw new Error('character not allowed in XML');
  let rest = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const stack: string[] = [];
  const elements: Array<{ name: string; attributes: Record<string, string>; text: string }> = [];
  let roots = 0;
  while (rest.length) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    checkText(text);
    if (text.trim() && stack.length === 0) throw new Error('text outside the root element');
    if (text && elements.length && stack.length) elements[elements.length - 1]!.text += decode(text);
    if (lt === -1) break;
    rest = rest.slice(lt);
    const close = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(rest);
    if (close) {
      if (stack.pop() !== close[1]) throw new Error(`mismatched </${close[1]}>`);
      rest = rest.slice(close[0].length);
      continue;
    }
    const open = /^<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*\s*=\s*"[^"<]*")*)\s*(\/?)>/.exec(rest);
    if (!open) throw new Error(`bad markup near ${JSON.stringify(rest.slice(0, 40))}`);
    if (stack.length === 0 && ++roots > 1) throw new Error('more than one root element');
    const attributes: Record<string, string> = {};
    for (const [, key, value] of open[2]!.matchAll(/([A-Za-z_][\w.-]*)\s*=\s*"([^"]*)"/g)) {
      if (key! in attributes) throw new Error(`duplicate attribute ${key}`);
      checkText(value!);
      attributes[key!] = decode(value!);
    }
    elements.push({ name: open[1]!, attributes, text: '' });
    if (!open[3]) stack.push(open[1]!);
    rest = rest.slice(open[0].length);
  }
  if (stack.length) throw new Error(`unclosed <${stack.pop()}>`);
  return { elements };
}

function checkText(text: string): void {
  if (text.includes('>') && /\]\]>/.test(text)) throw new Error(']]> in text');
  for (const match of text.matchAll(/&([^;]*);?/g)) {
    if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(match[1]!) || !match[0].endsWith(';')) throw new Error(`bad entity ${match[0]}`);
  }
}

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[e]) return named[e]!;
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}
