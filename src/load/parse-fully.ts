import type { Document } from 'yaml';
import { firstTooDeep } from './depth-prescan';
import { LineIndex } from './line-index';
import type { ParsedYaml } from './parsed-yaml';
import { treeOfDocument } from './tree-of-document';
import { unclosedOpeners } from './unclosed-opener';
import { yamlLib } from './yaml-lib';
import type { YamlProblem } from './yaml-problem';
import { MAX_NESTING_DEPTH, checkStructure, depthProblem } from './yaml-structure';

/** Aliases beyond this many expansions are treated as an expansion bomb (yaml's own default). */
export const MAX_ALIAS_COUNT = 100;

/** Past this many problems in one file the rest are summed up: a binary-like file would flood the log. */
export const MAX_PROBLEMS_PER_FILE = 20;

/**
 * YAML 1.2 core schema whatever the file says: a `%YAML 1.1` directive must not switch on the 1.1 schema
 * (dates, `yes`/`no`, sexagesimal numbers, `<<` merges), and `!!set`, `!!omap`, `!!timestamp`, `!!binary`
 * stay unresolved so they are reported as custom tags instead of turning into Set, Map, Date or Buffer
 * objects the JSON Schema cannot judge. Duplicate keys are found by checkStructure, in linear time.
 */
export const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  resolveKnownTags: false,
  uniqueKeys: false,
  merge: false,
  strict: true,
  prettyErrors: false,
} as const;

/** yaml's own words where they speak of its API rather than of the file. */
const MESSAGES: Record<string, string> = {
  MULTIPLE_DOCS: 'the file holds more than one YAML document',
  RESOURCE_EXHAUSTION: 'maps and lists are nested too deeply to read',
};

/** yaml's messages for a quote, bracket or brace that is never closed (MISSING_CHAR, BAD_INDENT). */
const UNCLOSED = /^Missing closing .?quote|end with a [\]}]/;

const HINTS: Record<string, string> = {
  UNCLOSED: 'close the quote, bracket or brace that opens here',
  TAB_AS_INDENT: 'indent with spaces; YAML does not allow tabs for indentation',
  MULTIPLE_DOCS: 'keep one document per file: remove the `---` separator and what follows, or move it to its own file',
  BAD_INDENT: 'align the key with its siblings',
  MISSING_CHAR: 'close the quote, bracket or brace that was opened',
  BLOCK_AS_IMPLICIT_KEY: 'a `key: value` line is missing its colon or is indented under the wrong parent',
  RESOURCE_EXHAUSTION: 'flatten the structure; terra-iac files need only a few levels',
  BAD_DQ_ESCAPE: 'use a valid escape inside double quotes (\\n, \\", \\\\, \\uXXXX), or single quotes',
  BAD_ALIAS: 'define the anchor (&name) before the alias (*name) that uses it, or write the value out',
  MULTILINE_IMPLICIT_KEY: 'keep each key on one line, followed by a colon',
  KEY_OVER_1024_CHARS: 'shorten the key: YAML allows at most 1024 characters before the colon',
  BLOCK_IN_FLOW: 'inside [ ] or { } write values inline; use indented block style outside brackets',
  BAD_SCALAR_START: 'quote the value: it starts with a character YAML reserves',
  MULTIPLE_ANCHORS: 'give a value at most one anchor',
  MULTIPLE_TAGS: 'give a value at most one tag',
};

/** yaml's parseDocument and every check: what parseYaml (parse-yaml.ts) does when the fast path gives up. */
export function parseFully(text: string, lineCounter: LineIndex = new LineIndex(text)): ParsedYaml {
  const { parseDocument } = yamlLib();
  const tooDeep = firstTooDeep(text, MAX_NESTING_DEPTH);
  if (tooDeep !== undefined) {
    // Not parsed at all: the parser recurses per level and would overflow the stack (see depth-prescan.ts).
    return { text, tree: treeOfDocument(parseDocument('', PARSE_OPTIONS)), lineCounter, problems: [depthProblem(tooDeep, tooDeep + 1)] };
  }
  const doc = parseDocument(text, PARSE_OPTIONS);
  let problems: YamlProblem[] = [];
  let exhausted = false;
  const unclosedOpener = unclosedOpeners(doc);
  for (const error of doc.errors) {
    // yaml reports a stack overflow once per level it unwinds; once is enough.
    if (error.code === 'RESOURCE_EXHAUSTION' && exhausted) continue;
    exhausted ||= error.code === 'RESOURCE_EXHAUSTION';
    const unclosed = UNCLOSED.test(error.message) ? unclosedOpener(error.pos[0]) : undefined;
    const [start, end] = unclosed === undefined ? error.pos : [unclosed, unclosed + 1];
    problems.push({
      ruleId: 'yaml-syntax',
      message: MESSAGES[error.code] ?? firstLine(error.message),
      hint: unclosed === undefined ? (HINTS[error.code] ?? 'fix the YAML syntax at this position') : HINTS.UNCLOSED!,
      start,
      end,
    });
  }
  for (const warning of doc.warnings) {
    const [start, end] = warning.pos;
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      problems.push({
        ruleId: 'yaml-custom-tag',
        message: `custom tag ${tagName(text, start, end)} is not allowed`,
        hint: 'remove the tag: terra-iac reads plain YAML, so !Ref, !Sub, !!binary or !!js/... tags are never evaluated',
        start,
        end,
      });
    }
  }
  checkStructure(doc, problems);
  if (doc.contents === null && doc.errors.length === 0) {
    const onlyComments = text.trim() !== '';
    problems.push({
      ruleId: 'file-empty',
      message: onlyComments ? 'file holds no settings, only comments' : 'file is empty',
      hint: 'write the settings map, or delete the file',
      start: 0,
      end: 0,
    });
  }
  problems = capProblems(problems.sort((a, b) => a.start - b.start));
  const result: ParsedYaml = { text, tree: treeOfDocument(doc), lineCounter, problems };
  if (problems.length === 0) {
    try {
      result.data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      const [start, end] = firstAliasRange(doc);
      problems.push({
        ruleId: 'yaml-alias-limit',
        message: `aliases expand to more than ${MAX_ALIAS_COUNT} nodes (an expansion bomb)`,
        hint: 'write the values out instead of nesting aliases of aliases',
        start,
        end,
      });
    }
  }
  return result;
}

/** The first problems (in file order already), and one line saying how many more there are. */
function capProblems(problems: YamlProblem[]): YamlProblem[] {
  if (problems.length <= MAX_PROBLEMS_PER_FILE) return problems;
  const next = problems[MAX_PROBLEMS_PER_FILE]!;
  return [
    ...problems.slice(0, MAX_PROBLEMS_PER_FILE),
    {
      ruleId: 'yaml-syntax',
      message: `${problems.length - MAX_PROBLEMS_PER_FILE} more YAML problems in this file are not shown`,
      hint: 'fix the problems above first; later ones often follow from them. Is this the right file?',
      start: next.start,
      end: next.end,
    },
  ];
}

function firstAliasRange(doc: Document.Parsed): [number, number] {
  const { isAlias, visit } = yamlLib();
  let range: [number, number] = [0, 0];
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) {
        range = [node.range[0], node.range[1]];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return range;
}

function tagName(text: string, start: number, end: number): string {
  const match = /^!\S*/.exec(text.slice(start, Math.max(end, start + 64)));
  return match ? `\`${match[0].slice(0, 40)}\`` : '';
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
