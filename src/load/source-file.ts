import type { LineIndex } from './line-index';
import type { FileKind } from '../model/schema-kinds';
import type { YamlTree } from './yaml-tree';

/** A file read and parsed once, shared by every stage and consumer. */
export interface SourceFile {
  kind: FileKind;
  /** Relative to the project root, forward slashes: what diagnostics print. */
  path: string;
  absPath: string;
  /** Environment or stack name (`production` for config/production.yaml and Pulumi.production.yaml). */
  name: string;
  /** Decoded text, or undefined when the file could not be read as UTF-8 text. */
  text?: string;
  lineCounter?: LineIndex;
  /** The parsed tree with offsets: set whenever the text is (empty for a file too deep to parse). */
  tree?: YamlTree;
  /** Plain data from the document, when it parsed without errors. */
  data?: unknown;
}
