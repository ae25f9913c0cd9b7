import { SOURCES } from '../catalog/sources';
import type { Severity } from '../core/diagnostic';

/** Findings the reading, YAML and schema stages produce; documented and tested like the rule files. */
export interface StageRule {
  id: string;
  severity: Severity;
  description: string;
  source: string;
}

const DESIGN = 'terra-iac design (README, Design notes)';
const YAML_SPEC = 'YAML 1.2 core schema (eemeli/yaml)';

export const STAGE_RULES: readonly StageRule[] = [
  { id: 'file-unreadable', severity: 'error', description: 'The file does not exist, is a directory or cannot be read (exit code 2).', source: DESIGN },
  { id: 'file-too-large', severity: 'error', description: 'Files over 1 MiB are refused before parsing; a config file is a few kilobytes.', source: DESIGN },
  { id: 'file-binary', severity: 'error', description: 'The file holds NUL bytes, so it is not YAML text.', source: DESIGN },
  { id: 'file-encoding', severity: 'error', description: 'The file is not valid UTF-8; the position of the first bad byte is given.', source: YAML_SPEC },
  { id: 'file-empty', severity: 'error', description: 'The file has no document at all.', source: DESIGN },
  { id: 'yaml-syntax', severity: 'error', description: 'YAML syntax errors: tabs as indentation, unclosed quotes, several documents in one file, bad indentation.', source: YAML_SPEC },
  { id: 'yaml-duplicate-key', severity: 'error', description: 'A key appears twice in one map; YAML keeps one of them silently in many tools.', source: YAML_SPEC },
  { id: 'yaml-custom-tag', severity: 'error', description: 'Custom tags (!Ref, !!js/function, ...) are never evaluated; the file must be plain data.', source: YAML_SPEC },
  { id: 'yaml-alias-limit', severity: 'error', description: 'Aliases that expand to more than 100 nodes (an expansion bomb) are refused.', source: YAML_SPEC },
  { id: 'yaml-depth-limit', severity: 'error', description: 'Maps and lists nested more than 64 levels deep are refused before any stage recurses into them.', source: DESIGN },
  { id: 'yaml-unsafe-key', severity: 'error', description: '`__proto__`, `constructor` and `prototype` keys are refused so no consumer can be tricked into prototype pollution.', source: DESIGN },
  { id: 'schema-root', severity: 'error', description: 'The top level of the file must be a map.', source: 'schemas/*.json (generated from src/model)' },
  { id: 'schema-unknown-key', severity: 'error', description: 'A key the schema does not know, with a did-you-mean suggestion.', source: 'schemas/*.json (generated from src/model)' },
  { id: 'schema-required', severity: 'error', description: 'A required key is missing.', source: 'schemas/*.json (generated from src/model)' },
  { id: 'schema-type', severity: 'error', description: 'A value has the wrong type (a list where a map belongs, ...).', source: 'schemas/*.json (generated from src/model)' },
  { id: 'schema-value', severity: 'error', description: 'A value is out of range, not one of the allowed values, or in the wrong format.', source: 'schemas/*.json (generated from src/model)' },
  {
    id: 'no-plaintext-secret',
    severity: 'error',
    description: 'A plain value is written where a secret reference (`fromStackConfig` / `fromEnv`) belongs. The value is never printed.',
    source: SOURCES.pulumiSecureValue,
  },
];
