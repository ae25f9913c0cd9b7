import { deployedEnvironment, isSecureValue } from '../../model/stack-values';
import { collectSecretRefs, fullStackKey } from '../../model/secret-refs';
import type { ProjectView, StackEntry } from '../../validate/project-view';
import { modeledEnvironments, type ModeledEnvironment } from './environments';

/** A stack whose file passed its schema. */
export type ModeledStack = StackEntry & { model: NonNullable<StackEntry['model']> };

export function modeledStacks(view: ProjectView): ModeledStack[] {
  return view.stacks.filter((s): s is ModeledStack => s.model !== undefined);
}

/** The stack's config map, keyed `<namespace>:<name>`. */
export function stackConfig(stack: ModeledStack): Record<string, unknown> {
  return (stack.model.config ?? {}) as Record<string, unknown>;
}

/** config/<name>.yaml a stack deploys (as src/index.ts reads it). */
export function stackEnvironment(stack: StackEntry): string {
  return deployedEnvironment(stack.name, (stack.model?.config as Record<string, unknown> | undefined)?.['terra-iac:environment']);
}

/** Namespace of bare keys in Pulumi.yaml's `config:` block: the project name (pkg/workspace/config.go). */
export function projectNamespace(view: ProjectView): string {
  return view.projectFile?.model?.name ?? 'terra-iac';
}

/** Keys Pulumi.yaml declares `secret: true`, fully namespaced. */
export function projectSecretKeys(view: ProjectView): Set<string> {
  const keys = new Set<string>();
  const declared = view.projectFile?.model?.config ?? {};
  for (const [name, declaration] of Object.entries(declared)) {
    if (declaration !== null && typeof declaration === 'object' && !Array.isArray(declaration) && declaration.secret === true) {
      keys.add(name.includes(':') ? name : `${projectNamespace(view)}:${name}`);
    }
  }
  return keys;
}

/** Per-load indexes, keyed by the loaded file list that every rule context of one load shares. */
const indexes = new WeakMap<ProjectView['files'], { byName: Map<string, ModeledEnvironment>; projectSecrets: Set<string> }>();

function indexOf(view: ProjectView) {
  let index = indexes.get(view.files);
  if (!index) {
    index = { byName: new Map(modeledEnvironments(view).map((e) => [e.name, e])), projectSecrets: projectSecretKeys(view) };
    indexes.set(view.files, index);
  }
  return index;
}

/**
 * Stack config keys that must hold `secure:` values in this stack: what its environment references with
 * `fromStackConfig`, plus what Pulumi.yaml declares secret. Maps each key to why it is secret.
 */
export function secretKeysOf(view: ProjectView, stack: ModeledStack): Map<string, string> {
  const { byName, projectSecrets } = indexOf(view);
  const keys = new Map<string, string>();
  for (const key of projectSecrets) keys.set(key, 'Pulumi.yaml declares it `secret: true`');
  const env = byName.get(stackEnvironment(stack));
  for (const found of env ? collectSecretRefs(env.model) : []) {
    if ('fromStackConfig' in found.ref) keys.set(fullStackKey(found.ref.fromStackConfig), `${env!.file.path} references it as a secret`);
  }
  return keys;
}

/** Every `secure:` value in a stack's config, at any depth, with its path in the file. */
export function secureValues(stack: ModeledStack): { path: (string | number)[]; ciphertext: string }[] {
  const found: { path: (string | number)[]; ciphertext: string }[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (isSecureValue(value)) found.push({ path: [...path, 'secure'], ciphertext: value.secure });
    else if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i]));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
  };
  for (const [key, value] of Object.entries(stackConfig(stack))) visit(value, ['config', key]);
  return found;
}
