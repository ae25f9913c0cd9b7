import type { LineIndex } from './line-index';
import type { YamlProblem } from './yaml-problem';
import type { YamlTree } from './yaml-tree';

/** A parsed file, whichever parser read it (parse-yaml.ts). */
export interface ParsedYaml {
  /** The text the positions refer to: the input with lone CR line breaks written as LF (same length). */
  text: string;
  tree: YamlTree;
  lineCounter: LineIndex;
  /** Plain data, only when nothing above stopped it from being trusted. */
  data?: unknown;
  problems: YamlProblem[];
}
