import type { Diagnostic } from '../core/diagnostic';
import { REPOSITORY_URL } from '../core/project-urls';
import { jsonSafe, replaceUnsafe } from '../core/safe-text';
import { reportingDescriptor, SARIF_LEVEL } from './sarif-rule';
import type { Formatter, RuleInfo } from './types';

/** SARIF 2.1.0 (OASIS), as GitHub code scanning reads it: https://docs.oasis-open.org/sarif/sarif/v2.1.0/ */
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * One run whose `tool.driver.rules` lists every rule before the results (SARIF 2.1.0 §3.19.23, toolComponent.rules), each
 * result pointing at its rule by id and index, with a project-relative location. Columns are counted the
 * way the locator counts them (UTF-16 code units), which the run declares in `columnKind`.
 */
export const formatSarif: Formatter = (diagnostics, ctx) => {
  const rules = rulesFor(diagnostics, ctx.rules ?? []);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'terra-iac',
            fullName: `terra-iac ${ctx.toolVersion}`,
            informationUri: REPOSITORY_URL,
            semanticVersion: ctx.toolVersion,
            version: ctx.toolVersion,
            rules: rules.map(reportingDescriptor),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => result(d, index.get(d.ruleId)!)),
      },
    ],
  };
  // Messages arrive escaped from the pipeline; jsonSafe keeps any raw character a caller let through out of the file.
  return `${jsonSafe(JSON.stringify(log, null, 2))}\n`;
};

/** The known rules, plus any id a diagnostic carries that the catalog lacks, so every ruleIndex is valid. */
function rulesFor(diagnostics: readonly Diagnostic[], known: readonly RuleInfo[]): RuleInfo[] {
  const rules = [...known];
  const ids = new Set(rules.map((r) => r.id));
  for (const d of diagnostics) {
    if (ids.has(d.ruleId)) continue;
    ids.add(d.ruleId);
    rules.push({ id: d.ruleId, severity: d.severity, description: d.ruleId, source: 'terra-iac', fix: 'Follow the message and its hint.' });
  }
  return rules;
}

function result(d: Diagnostic, ruleIndex: number) {
  const region: Record<string, number> = { startLine: d.line, startColumn: d.column };
  // An empty region (end == start) is legal SARIF but renders as nothing; leave the end out instead.
  if (d.endLine !== undefined && d.endColumn !== undefined && (d.endLine > d.line || d.endColumn > d.column)) {
    region.endLine = d.endLine;
    region.endColumn = d.endColumn;
  }
  return {
    ruleId: d.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[d.severity],
    message: { text: replaceUnsafe(d.hint ? `${d.message}\nHint: ${d.hint}` : d.message) },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(d.file) }, region } }],
  };
}

/** SARIF `uri` is a URI reference: escape what is not allowed in one, keep the slashes. */
function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
