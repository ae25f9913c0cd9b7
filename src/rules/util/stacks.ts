import { deployedEnvironment, isSecureValue } from '../../model/stack-values';
import type { PathSegment } from '../../core/diagnostic';
import type { Environment } from '../../model/environment';
import { collectSecretRefs, fullStackKey, type FoundSecretRef } from '../../model/secret-refs';
import type { ProjectView, StackEntry } from '../../validate/project-view';
import { modeledEnvironments, withModels, type ModeledEnvironment } from './environments';

/** A stack whose file passed its schema. */
export type ModeledStack = StackEntry & { model: NonNullable<StackEntry['model']> };

export function modeledStacks(view: ProjectView): readonly ModeledStack[] {
  return withModels(view.stacks);
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

/** A `fromStackConfig` reference with the stack config key it names, fully namespaced. */
export interface StackKeyRef {
  found: FoundSecretRef;
  key: string;
}

/** Per environment model: what the stack rules ask of its references, for each stack that deploys it. */
const stackKeysByModel = new WeakMap<Environment, { refs: readonly StackKeyRef[]; keys: ReadonlySet<string> }>();

function stackKeysOfModel(model: Environment) {
  let entry = stackKeysByModel.get(model);
  if (!entry) {
    const refs: StackKeyRef[] = [];
    for (const found of collectSecretRefs(model)) {
      if ('fromStackConfig' in found.ref) refs.push({ found, key: fullStackKey(found.ref.fromStackConfig) });
    }
    entry = { refs, keys: new Set(refs.map((r) => r.key)) };
    stackKeysByModel.set(model, entry);
  }
  return entry;
}

/** The environment's `fromStackConfig` references, in document order, with the keys they name. */
export function stackKeyRefs(model: Environment): readonly StackKeyRef[] {
  return stackKeysOfModel(model).refs;
}

/** The stack config keys the environment references. */
export function referencedStackKeys(model: Environment): ReadonlySet<string> {
  return stackKeysOfModel(model).keys;
}

/** Per-load indexes, keyed by the loaded file list that every rule context of one load shares. */
interface LoadIndex {
  byName: Map<string, ModeledEnvironment>;
  projectSecrets: Set<string>;
  /** secretKeysOf per stack: secret-literal and stack-secret-plain both ask. */
  secretKeys: WeakMap<StackEntry, ReadonlyMap<string, string>>;
}

const indexes = new WeakMap<ProjectView['files'], LoadIndex>();

function indexOf(view: ProjectView): LoadIndex {
  let index = indexes.get(view.files);
  if (!index) {
    index = { byName: new Map(modeledEnvironments(view).map((e) => [e.name, e])), projectSecrets: projectSecretKeys(view), secretKeys: new WeakMap() };
    indexes.set(view.files, index);
  }
  return index;
}

/** The environment a stack deploys, when it was loaded and passed its schema. */
export function modeledEnvironmentOf(view: ProjectView, stack: StackEntry): ModeledEnvironment | undefined {
  return indexOf(view).byName.get(stackEnvironment(stack));
}

/**
 * Stack config keys that must hold `secure:` values in this stack: what its environment references with
 * `fromStackConfig`, plus what Pulumi.yaml declares secret. Maps each key to why it is secret.
 */
export function secretKeysOf(view: ProjectView, stack: ModeledStack): ReadonlyMap<string, string> {
  const index = indexOf(view);
  const cached = index.secretKeys.get(stack);
  if (cached) return cached;
  const keys = new Map<string, string>();
  for (const key of index.projectSecrets) keys.set(key, 'Pulumi.yaml declares it `secret: true`');
  const env = index.byName.get(stackEnvironment(stack));
  if (env) {
    const why = `${env.file.path} references it as a secret`;
    for (const { key } of stackKeyRefs(env.model)) keys.set(key, why);
  }
  index.secretKeys.set(stack, keys);
  return keys;
}

/** Every `secure:` value in a stack's config, at any depth, with its path in the file. */
export function secureValues(stack: ModeledStack): { path: PathSegment[]; ciphertext: string }[] {
  const found: { path: PathSegment[]; ciphertext: string }[] = [];
  // One mutable path for the walk, copied only for a secure value.
  const path: PathSegment[] = ['config'];
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (isSecureValue(value)) found.push({ path: [...path, 'secure'], ciphertext: value.secure });
    else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else {
      for (const key of Object.keys(value)) {
        path.push(key);
        visit((value as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  const config = stackConfig(stack);
  for (const key of Object.keys(config)) {
    path.push(key);
    visit(config[key]);
    path.pop();
  }
  return found;
}
