import { LineCounter, isAlias, isScalar, parseDocument, visit, type Document } from 'yaml';

/** Aliases beyond this many expansions are treated as an expansion bomb (yaml's own default). */
export const MAX_ALIAS_COUNT = 100;

/** Keys that would reach an object's prototype if any consumer copied the data naively. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface YamlProblem {
  ruleId: 'yaml-syntax' | 'yaml-duplicate-key' | 'yaml-custom-tag' | 'yaml-alias-limit' | 'yaml-unsafe-key' | 'file-empty';
  message: string;
  hint: string;
  /** Character offsets into the text. */
  start: number;
  end: number;
}

export interface ParsedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Plain data, only when nothing above stopped it from being trusted. */
  data?: unknown;
  problems: YamlProblem[];
}

const HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces; YAML does not allow tabs for indentation',
  MULTIPLE_DOCS: 'keep one document per file: remove the `---` separator and what follows, or move it to its own file',
  DUPLICATE_KEY: 'remove one of the two entries; YAML keeps only one and which one is not what you meant',
  BAD_INDENT: 'align the key with its siblings',
  MISSING_CHAR: 'close the quote, bracket or brace that was opened',
  BLOCK_AS_IMPLICIT_KEY: 'a `key: value` line is missing its colon or is indented under the wrong parent',
};

/** Parses YAML 1.2 (core schema) keeping positions; reports every problem instead of throwing. */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false, strict: true });
  const problems: YamlProblem[] = [];
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    if (error.code === 'DUPLICATE_KEY') {
      problems.push({ ruleId: 'yaml-duplicate-key', message: 'duplicate key in this map', hint: HINTS.DUPLICATE_KEY!, start, end });
    } else {
      problems.push({ ruleId: 'yaml-syntax', message: firstLine(error.message), hint: HINTS[error.code] ?? 'fix the YAML syntax at this position', start, end });
    }
  }
  for (const warning of doc.warnings) {
    const [start, end] = warning.pos;
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      problems.push({
        ruleId: 'yaml-custom-tag',
        message: `custom tag ${tagName(text, start, end)} is not allowed`,
        hint: 'remove the tag: terra-iac reads plain YAML, so !Ref, !Sub or !!js/... tags are never evaluated',
        start,
        end,
      });
    }
  }
  if (doc.errors.length === 0) checkStructure(doc, problems);
  if (doc.contents === null && doc.errors.length === 0) {
    problems.push({ ruleId: 'file-empty', message: 'file is empty', hint: 'write the settings map, or delete the file', start: 0, end: 0 });
  }
  const result: ParsedYaml = { doc, lineCounter, problems };
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

function checkStructure(doc: Document.Parsed, problems: YamlProblem[]): void {
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && UNSAFE_KEYS.has(String(pair.key.value))) {
        const [start, end] = pair.key.range ?? [0, 0];
        problems.push({
          ruleId: 'yaml-unsafe-key',
          message: `key \`${String(pair.key.value)}\` is not allowed`,
          hint: 'rename the key; prototype keys are refused so no consumer can be tricked by them',
          start,
          end,
        });
      } else if (pair.key !== null && !isScalar(pair.key)) {
        const range = (pair.key as { range?: [number, number, number] }).range ?? [0, 0, 0];
        problems.push({ ruleId: 'yaml-syntax', message: 'complex (non-scalar) map key', hint: 'use a plain string as the key', start: range[0], end: range[1] });
      }
    },
  });
}

function firstAliasRange(doc: Document.Parsed): [number, number] {
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

