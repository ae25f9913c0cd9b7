import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, escapeHtml, escapeMarkdown, htmlWithCode, markdownCode } from '../../src/report/render/escape';
import { displayUrl } from '../../src/report/redact';

/** A strict RFC 4180 reader for one record, to check csvField round-trips. */
function readCsvRecord(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') (value += '"'), (i += 2);
        else if (line[i] === '"') break;
        else if (i >= line.length) throw new Error('unterminated quote');
        else value += line[i++];
      }
      i++;
      fields.push(value);
      if (i < line.length && line[i] !== ',') throw new Error(`junk after quoted field at ${i}`);
    } else {
      const end = line.indexOf(',', i);
      const value = line.slice(i, end === -1 ? line.length : end);
      if (/["\r\n]/.test(value)) throw new Error(`unquoted field holds a special character: ${JSON.stringify(value)}`);
      fields.push(value);
      i = end === -1 ? line.length : end;
    }
    i++;
  }
  return fields;
}

describe('csvField', () => {
  it('round-trips any text through an RFC 4180 reader, defusing formula starts', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), (values) => {
        const expected = values.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v));
        expect(readCsvRecord(values.map(csvField).join(','))).toEqual(expected);
      }),
    );
  });

  it('prefixes cells a spreadsheet would evaluate', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(null)).toBe('');
    expect(csvField(false)).toBe('false');
  });
});

describe('escapeHtml', () => {
  it('leaves no markup character and decodes back to the input', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))).toBe(text);
      }),
    );
  });
});

describe('escapeMarkdown', () => {
  it('never lets a value break a table row, open HTML or mention someone', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeMarkdown(text);
        expect(escaped).not.toMatch(/[\r\n<>]/);
        // Every pipe is escaped: the character before it is a backslash that is not itself escaped.
        expect(escaped.replace(/\\\\/g, '').replace(/\\\|/g, '')).not.toContain('|');
        expect(escaped).not.toMatch(/(^|\s)@/);
      }),
    );
    expect(escapeMarkdown('a | b <script> @team *x* [l](u)')).toBe('a \\| b &lt;script&gt; &#64;team \\*x\\* \\[l\\](u)');
  });

  it('shows identifiers as code unless they hold a backtick', () => {
    expect(markdownCode('acme|x')).toBe('`acme\\|x`');
    expect(markdownCode('a`b')).toBe('a\\`b');
  });
});

describe('displayUrl', () => {
  it('drops credentials, query and fragment', () => {
    expect(displayUrl('https://user:pw@hooks.example.com:8443/terra?token=abc#x')).toEqual({ url: 'https://hooks.example.com:8443/terra?…', host: 'hooks.example.com:8443' });
    expect(displayUrl('https://access.tryterra.co/api/v2')).toEqual({ url: 'https://access.tryterra.co/api/v2', host: 'access.tryterra.co' });
  });
});

describe('htmlWithCode', () => {
  it('turns Markdown code spans into <code>, escaping inside and outside them', () => {
    expect(htmlWithCode('unknown key `colour` in `terra`')).toBe('unknown key <code>colour</code> in <code>terra</code>');
    expect(htmlWithCode('`<img src=x onerror=alert(1)>` & "q"')).toBe('<code>&#60;img src=x onerror=alert(1)&#62;</code> &#38; &#34;q&#34;');
  });

  it('leaves a backtick without a partner, an empty pair and a span across lines as text', () => {
    expect(htmlWithCode('a ` b')).toBe('a ` b');
    expect(htmlWithCode('``')).toBe('``');
    expect(htmlWithCode('`a\nb`')).toBe('`a\nb`');
    expect(htmlWithCode('`a` `b')).toBe('<code>a</code> `b');
  });

  it('never lets markup through: the only tags in the output are its own <code> pairs', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '`', 'a', ' ', '\n', '/') }), (text) => {
        const out = htmlWithCode(text);
        expect(out.replace(/<\/?code>/g, '')).not.toMatch(/[<>"']/);
        expect(out.replace(/<\/?code>/g, '').replace(/&#\d+;/g, '')).not.toContain('&');
      }),
    );
  });
});
