import { escapeUnsafeLine } from '../core/safe-text';

/** Something in a file's YAML that stops terra-iac from trusting its data, located by character offsets. */
export interface YamlProblem {
  ruleId:
    | 'yaml-syntax'
    | 'yaml-duplicate-key'
    | 'yaml-custom-tag'
    | 'yaml-alias-limit'
    | 'yaml-depth-limit'
    | 'yaml-unsafe-key'
    | 'file-empty';
  message: string;
  hint: string;
  /** Character offsets into the text. */
  start: number;
  end: number;
}

/** A key as messages quote it: unsafe characters and line breaks escaped, long keys cut, so a message stays one short line. */
export function quoteKey(text: string): string {
  const escaped = escapeUnsafeLine(text);
  return `\`${escaped.length > 60 ? `${escaped.slice(0, 57)}...` : escaped}\``;
}
