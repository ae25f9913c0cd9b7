/**
 * A plain (unquoted) scalar resolved as the YAML 1.2 core schema resolves it, in yaml's order of tags
 * (yaml/dist/schema/core/schema.js: null, bool, octal, int, hex, NaN/infinity, exponent, float): what
 * `parseDocument(..., { schema: 'core' })` followed by `toJS` gives. `intAsBigInt` stays off, as in parse-yaml.ts.
 */
export function resolvePlain(text: string): unknown {
  const c = text.charCodeAt(0);
  // A letter can only start null, true or false (the core schema's words, YAML 1.2.2 §10.3.2): no regex
  // for the keys and values most files are made of.
  if (c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46) return coreWord(text);
  // Only these first characters can start anything else but a string: ~ + - . 0-9, or nothing.
  if (!(c === 0x7e || c === 0x2b || c === 0x2d || c === 0x2e || (c >= 0x30 && c <= 0x39) || text === '')) return text;
  if (text === '' || text === '~') return null;
  if (allDigits(text)) return parseInt(text, 10);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) {
    return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text)) return parseFloat(text);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) return parseFloat(text);
  return text;
}

/** `null Null NULL`, `true True TRUE`, `false False FALSE` as what they mean; any other word as itself. */
function coreWord(text: string): unknown {
  if (text.length === 4) {
    if (text === 'null' || text === 'Null' || text === 'NULL') return null;
    if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  } else if (text.length === 5 && (text === 'false' || text === 'False' || text === 'FALSE')) return false;
  return text;
}

/** [0-9]+, the commonest number (no octal, hex or sign to look for). */
function allDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
