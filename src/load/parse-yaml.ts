import { fastData, fastParse } from './fast-yaml';
import { LineIndex } from './line-index';
import { PARSE_OPTIONS, parseFully } from './parse-fully';
import type { ParsedYaml } from './parsed-yaml';
import { treeOfDocument } from './tree-of-document';
import { yamlLib } from './yaml-lib';
import type { TreeComment, TreeNode, YamlTree } from './yaml-tree';

/**
 * Parses YAML 1.2 (core schema) keeping positions; reports every problem instead of throwing. A file in
 * the plain block style terra-iac files are written in takes the fast path (fast-yaml.ts), which has no
 * problems to report by construction; anything else, and everything with a problem, takes yaml's
 * (parse-fully.ts).
 */
export function parseYaml(input: string): ParsedYaml {
  const text = normalizeLineBreaks(input);
  const lineCounter = new LineIndex(text);
  const fast = fastData(text);
  if (fast !== undefined) return { text, tree: new FastTree(text, fast.commentTexts), lineCounter, data: fast.data, problems: [] };
  return parseFully(text, lineCounter);
}

/**
 * The tree of a file the fast path read, not kept: its data holds the same scalars (the fast path takes no
 * aliases and no repeated keys), so walks go over the data, and only a file with a finding to locate is
 * parsed again, once for all its findings. Held for every file to the end of a run, the trees were most of
 * its memory.
 */
class FastTree implements YamlTree {
  readonly mirroredByData = true;
  private attached: readonly TreeComment[] | undefined;

  constructor(
    private readonly text: string,
    readonly commentTexts: readonly string[],
  ) {}

  root(): TreeNode | null {
    return fastParse(this.text)!.root;
  }

  /** Where yaml attaches each comment, worked out only if a rule asks (rarely: see yaml-walk.ts). */
  comments(): readonly TreeComment[] {
    return (this.attached ??= treeOfDocument(yamlLib().parseDocument(this.text, PARSE_OPTIONS)).comments());
  }
}

/**
 * A lone CR is a line break in YAML 1.2 (production b-break), as old Mac editors write it, but eemeli/yaml
 * breaks lines on LF only: it read a CR-only file as one line, a comment-only one as "only comments".
 * One character for one, so every offset stays where it was; CRLF is left alone.
 */
export function normalizeLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
