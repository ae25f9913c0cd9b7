import { renderConfigReference } from './config-reference';
import { renderRulesReference } from './rules-reference';

/** A page of docs/ that is written by scripts/docs.ts, never by hand. */
export interface GeneratedDoc {
  /** Relative to the project root. */
  path: string;
  render: () => string;
}

export const GENERATED_DOCS: readonly GeneratedDoc[] = [
  { path: 'docs/rules.md', render: renderRulesReference },
  { path: 'docs/config-reference.md', render: renderConfigReference },
];
