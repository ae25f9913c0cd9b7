/**
 * A plain (unquoted) scalar resolved as the YAML 1.2 core schema resolves it, in yaml's order of tags
 * (yaml/dist/schema/core/schema.js: null, bool, octal, int, hex, NaN/infinity, exponent, float): what
 * `parseDocument(..., { schema: 'core' })` followed by `toJS` gives. `intAsBigInt` stays off, as in parse-yaml.ts.
 */
export function resolvePlain(text: string): unknown {
  const c = text.charCodeAt(0);
  // Only these first characters can start anything but a string: ~ + - . 0-9 n N t T f F, or nothing.
  if (!(c === 0x7e || c === 0x2b || c === 0x2d || c === 0x2e || (c >= 0x30 && c <= 0x39) || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46 || text === '')) {
    return text;
  }
  if (/^(?:~|[Nn]ull|NULL)?$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(text)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(text)) return false;
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
