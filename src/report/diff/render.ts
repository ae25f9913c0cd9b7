import { plural } from '../../core/plural';
import { escapeUnsafe, escapeUnsafeLine, jsonSafe, mapStrings } from '../../core/safe-text';
import type { Difference } from './compare';
import type { EnvironmentDiff } from './environments';
import type { HistoryDiff } from './history';
import type { HistoryChange } from './history-transition';

/** Output formats of `terra-iac diff`. */
export const DIFF_FORMATS = ['text', 'json'] as const;
type DiffFormat = (typeof DIFF_FORMATS)[number];

/** Either diff as JSON: the value itself (shape documented in docs/reports.md). */
export function renderDiffJson(diff: EnvironmentDiff | HistoryDiff): string {
  return `${jsonSafe(JSON.stringify(mapStrings(diff, escapeUnsafe), null, 2))}\n`;
}

/** `diff ENV_A ENV_B` for people: one line per differing setting. */
export function renderEnvironmentDiffText(diff: EnvironmentDiff): string {
  // The first environment's name starts a line.
  const from = escapeUnsafeLine(diff.from, { startsLine: true });
  const to = plain(diff.to);
  if (diff.differences.length === 0) {
    return `${from} and ${to} declare the same settings (dev-ids, client ids, URLs and other per-environment names are not compared).\n`;
  }
  const lines = diff.differences.map((d) => `  ${describe(d)}`);
  return `${from} -> ${to}: ${plural(diff.differences.length, 'difference')}\n${lines.join('\n')}\n`;
}

/** `diff --since REF` for people: each commit with its author, date and changes, oldest first. */
export function renderHistoryText(diff: HistoryDiff): string {
  const since = `${plain(diff.since.ref)} (${diff.since.commit.slice(0, 12)})`;
  if (diff.commits.length === 0 && !diff.workingTree) return `No commit touched config/ since ${since}.\n`;
  const out = [`Declaration changes since ${since}: ${plural(diff.changeCount, 'change')} in ${plural(diff.commits.length, 'commit')}`];
  for (const c of diff.commits) {
    out.push('', `${c.commit.slice(0, 12)}  ${plain(c.date)}  ${plain(c.author.name)} <${plain(c.author.email)}>`, `    ${plain(c.subject)}`);
    out.push(...changeLines(c.changes, c.invalidFiles));
  }
  if (diff.workingTree) {
    out.push('', 'Uncommitted changes in the working tree', ...changeLines(diff.workingTree.changes, diff.workingTree.invalidFiles));
  }
  return `${out.join('\n')}\n`;
}

function changeLines(changes: readonly HistoryChange[], invalidFiles: readonly string[]): string[] {
  const lines = changes.map((c) => `  ${plain(c.environment)}: ${describe(c)}`);
  for (const file of invalidFiles) lines.push(`  ${plain(file)} does not pass validation at this point; its changes show once it does`);
  if (lines.length === 0) lines.push('  (no change to the declarations: comments or formatting only)');
  return lines;
}

/** `label: from -> to`, or `label: +added -removed` for lists on both sides. */
function describe(d: Difference): string {
  const label = plain(d.label);
  if (Array.isArray(d.from) && Array.isArray(d.to) && (d.added?.length || d.removed?.length)) {
    const parts = [...(d.added ?? []).map((v) => `+${plain(v)}`), ...(d.removed ?? []).map((v) => `-${plain(v)}`)];
    return `${label}: ${parts.join(', ')}`;
  }
  return `${label}: ${plain(d.fromText)} -> ${plain(d.toText)}`;
}

/** Text from config files and git metadata as one line, unsafe characters visibly escaped (core/safe-text.ts). */
function plain(text: string): string {
  return escapeUnsafeLine(text);
}
