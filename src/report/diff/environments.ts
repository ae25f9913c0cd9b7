import { plural } from '../../core/plural';
import type { EnvironmentEntry } from '../../validate/project-view';
import type { LoadedProject } from '../../validate/load-project';
import { SensitiveValues } from '../redact';
import { compareFacts, type Difference } from './compare';
import { DiffError } from './diff-error';
import { environmentFacts, type Fact } from './facts';

/** Version of the JSON shape of both diff kinds (docs/reports.md). */
export const DIFF_VERSION = 1;

/** `terra-iac diff ENV_A ENV_B`: the settings that differ, from A to B. */
export interface EnvironmentDiff {
  diffVersion: typeof DIFF_VERSION;
  kind: 'environments';
  from: string;
  to: string;
  differences: Difference[];
}

/**
 * What differs between two environments: providers, key ownership, scopes, webhook, tier and AWS settings.
 * Values that name each environment's own things (dev-id, client ids, URLs) are left out: they always differ.
 */
export function diffEnvironments(project: LoadedProject, from: string, to: string): EnvironmentDiff {
  const sensitive = new SensitiveValues(project.diagnostics, project.files);
  const a = factsOf(project, from, sensitive);
  const b = factsOf(project, to, sensitive);
  return sensitive.safe({ diffVersion: DIFF_VERSION, kind: 'environments', from, to, differences: compareFacts(a, b, false) } satisfies EnvironmentDiff);
}

function factsOf(project: LoadedProject, name: string, sensitive: SensitiveValues): Fact[] {
  const entry: EnvironmentEntry | undefined = project.environments.find((e) => e.name === name);
  if (!entry) {
    const known = project.environments.map((e) => e.name);
    throw new DiffError(`unknown environment "${name}": there is no config/${name}.yaml`, known.length ? `known environments: ${known.join(', ')}` : 'run from the project root (it holds config/)');
  }
  const facts = environmentFacts(entry, sensitive);
  if (!facts) {
    const errors = project.diagnostics.filter((d) => d.file === entry.file.path && d.severity === 'error').length;
    throw new DiffError(`${entry.file.path} does not pass validation (${plural(errors, 'error')}), so it cannot be compared`, `run terra-iac validate --env ${name} and fix the errors first`);
  }
  return facts;
}
