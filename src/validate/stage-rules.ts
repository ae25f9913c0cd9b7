import { SOURCES } from '../catalog/sources';
import type { RuleMeta } from '../core/rule-meta';

/** Findings the reading, YAML and schema stages produce; documented and tested like the rule files. */
export type StageRule = RuleMeta;

const DESIGN = 'terra-iac design (docs/design.md)';
const YAML_SPEC = 'YAML 1.2 core schema (eemeli/yaml)';

export const STAGE_RULES: readonly StageRule[] = [
  {
    id: 'file-unreadable',
    severity: 'error',
    description: 'The file does not exist, is a directory or cannot be read (exit code 2).',
    source: DESIGN,
    fix: 'Pass a path to a readable file inside the project, or run `terra-iac validate` without arguments to check every project file.',
  },
  {
    id: 'file-too-large',
    severity: 'error',
    description: 'Files over 1 MiB are refused before parsing; a config file is a few kilobytes.',
    source: DESIGN,
    fix: 'Shorten or split the file: a config file is a few kilobytes, so generated or pasted data does not belong in it.',
  },
  {
    id: 'file-binary',
    severity: 'error',
    description: 'The file holds NUL bytes, so it is not YAML text.',
    source: DESIGN,
    fix: 'Replace the file with its YAML text; if a tool wrote it as UTF-16, save it again as UTF-8.',
  },
  {
    id: 'file-encoding',
    severity: 'error',
    description: 'The file is not valid UTF-8; the position of the first bad byte is given.',
    source: YAML_SPEC,
    fix: 'Save the file as UTF-8 and retype the character at the reported position.',
  },
  {
    id: 'file-empty',
    severity: 'error',
    description: 'The file has no document at all.',
    source: DESIGN,
    fix: 'Write the document (the config reference in the manual shows its keys), or delete the file if the environment is not used.',
  },
  {
    id: 'yaml-syntax',
    severity: 'error',
    description: 'YAML syntax errors: tabs as indentation, unclosed quotes, several documents in one file, bad indentation.',
    source: YAML_SPEC,
    fix: 'Fix the syntax at the reported position: indent with spaces, never tabs; close every quote; keep one document per file.',
  },
  {
    id: 'yaml-duplicate-key',
    severity: 'error',
    description: 'A key appears twice in one map; YAML keeps one of them silently in many tools.',
    source: YAML_SPEC,
    fix: 'Keep one entry: merge the values into the first occurrence of the key and delete the second.',
  },
  {
    id: 'yaml-custom-tag',
    severity: 'error',
    description: 'Custom tags (!Ref, !!js/function, ...) are never evaluated; the file must be plain data.',
    source: YAML_SPEC,
    fix: 'Remove the tag and write the plain value; a value kept elsewhere is written as a secret reference (`fromStackConfig`, `fromEnv`).',
  },
  {
    id: 'yaml-alias-limit',
    severity: 'error',
    description: 'Aliases that expand to more than 100 nodes (an expansion bomb) are refused.',
    source: YAML_SPEC,
    fix: 'Write the values out, or use fewer and smaller aliases; a config file needs only a handful.',
  },
  {
    id: 'yaml-depth-limit',
    severity: 'error',
    description: 'Maps and lists nested more than 64 levels deep are refused before any stage recurses into them.',
    source: DESIGN,
    fix: 'Flatten the structure: no setting nests this deep, so the nesting is a mistake or generated.',
  },
  {
    id: 'yaml-unsafe-key',
    severity: 'error',
    description: '`__proto__`, `constructor` and `prototype` keys are refused so no consumer can be tricked into prototype pollution.',
    source: DESIGN,
    fix: 'Rename or remove the key: no setting is called `__proto__`, `constructor` or `prototype`.',
  },
  {
    id: 'schema-root',
    severity: 'error',
    description: 'The top level of the file must be a map.',
    source: 'schemas/*.json (generated from src/model)',
    fix: 'Write the file as a map of settings (`key: value` lines at the top level), not a list or a single value.',
  },
  {
    id: 'schema-unknown-key',
    severity: 'error',
    description: 'A key the schema does not know, with a did-you-mean suggestion.',
    source: 'schemas/*.json (generated from src/model)',
    fix: 'Fix the spelling (the message suggests the nearest known key) or remove the key; the config reference in the manual lists the allowed keys.',
  },
  {
    id: 'schema-required',
    severity: 'error',
    description: 'A required key is missing.',
    source: 'schemas/*.json (generated from src/model)',
    fix: 'Add the missing key at the reported place, in the form the config reference in the manual shows.',
  },
  {
    id: 'schema-type',
    severity: 'error',
    description: 'A value has the wrong type (a list where a map belongs, ...).',
    source: 'schemas/*.json (generated from src/model)',
    fix: 'Write the value in the type the message names, e.g. a map (`key: value` lines) where a list was given.',
  },
  {
    id: 'schema-value',
    severity: 'error',
    description: 'A value is out of range, not one of the allowed values, or in the wrong format.',
    source: 'schemas/*.json (generated from src/model)',
    fix: 'Use an allowed value, in the format and range the message gives.',
  },
  {
    id: 'no-plaintext-secret',
    severity: 'error',
    description: 'A plain value is written where a secret reference (`fromStackConfig` / `fromEnv`) belongs. The value is never printed.',
    source: SOURCES.pulumiSecureValue,
    fix: 'Store the value with `pulumi config set --secret <key> --stack <env>` and write `{ fromStackConfig: <key> }` (or `{ fromEnv: <VAR> }`) in its place; treat the committed value as leaked and rotate it.',
    security: { score: 9.0, cwe: [798, 312] },
  },
];
