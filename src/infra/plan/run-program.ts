import * as pulumi from '@pulumi/pulumi';
import { PROJECT_NAMESPACE } from '../../model/secret-refs';
import { terraIacProgram, type ProgramContext } from '../program';
import { ProgramTimeoutError } from './plan-errors';
import { recordingMocks, type Registration } from './recording-mocks';

/** One resource the program registered, in the order it constructed them. */
export interface PlannedResource extends Registration {
  /** The parent's type and name; the root stack resource has none. */
  parent?: { type: string; name: string };
  /** The resource object itself, for tests that inspect its outputs (`pulumi.isSecret`). */
  resource?: pulumi.Resource;
  /** The options it was constructed with (protect, retainOnDelete, dependsOn): mocks do not see them. */
  options?: pulumi.ResourceOptions;
}

/** A stack output with whether the program marked it secret. */
export interface InspectedOutput {
  value: unknown;
  secret: boolean;
}

export interface MockRun {
  resources: PlannedResource[];
  outputs: Record<string, InspectedOutput>;
}

export interface MockRunOptions extends Omit<ProgramContext, 'stack'> {
  stack: string;
  /** Config as the CLI would pass it: `<namespace>:<key>` -> string, secrets decrypted. */
  config: Record<string, string>;
  secretKeys: readonly string[];
  /** Give up when the program has not finished by then (an Output that never resolves). */
  timeoutMs?: number;
  /** Default `skip`: the mocks never run a dynamic provider, so serializing one would only cost time. */
  dynamicProviders?: ProgramContext['dynamicProviders'];
}

/**
 * Runs the real program in-process under Pulumi's mock monitor: no CLI, no engine, no cloud. Config is set
 * after `setMocks` with `setAllConfig`, because the SDK reads PULUMI_CONFIG from the environment only once
 * (pulumi/pulumi sdk/nodejs/runtime/mocks.ts). Parents come from a stack transformation, which the SDK applies itself; the mock monitor does
 * not pass them on.
 */
export async function runProgramUnderMocks(options: MockRunOptions): Promise<MockRun> {
  const { mocks, registrations } = recordingMocks();
  await pulumi.runtime.setMocks(mocks, PROJECT_NAMESPACE, options.stack, false);
  pulumi.runtime.setAllConfig(options.config, [...options.secretKeys]);
  const constructed: PlannedResource[] = [];
  const names = new WeakMap<pulumi.Resource, { type: string; name: string }>();
  let outputs: Record<string, InspectedOutput> = {};
  let failure: { error: unknown } | undefined;
  const run = pulumi.runtime.runInPulumiStack(async () => {
    const stackResource = { type: pulumi.runtime.rootPulumiStackTypeName, name: `${PROJECT_NAMESPACE}-${options.stack}` };
    pulumi.runtime.registerStackTransformation((args) => {
      const self = { type: args.type, name: args.name };
      names.set(args.resource, self);
      const parent = args.opts.parent ? names.get(args.opts.parent) : stackResource;
      constructed.push({ ...self, parent, resource: args.resource, options: args.opts, custom: true, inputs: {} });
      return undefined;
    });
    try {
      const stackOutputs = terraIacProgram({ ...options, dynamicProviders: options.dynamicProviders ?? 'skip' });
      outputs = await inspectOutputs(stackOutputs as unknown as Record<string, unknown>);
      return stackOutputs;
    } catch (error) {
      // Rethrown below: a rejection inside the stack also rejects promises the SDK derives and never
      // awaits, which would surface as unhandled rejections.
      failure = { error };
      return {};
    }
  });
  try {
    await withTimeout(run, options.timeoutMs ?? 60_000);
  } finally {
    // Drains the registrations still in flight, so every resource is recorded before we read them.
    await withTimeout(pulumi.runtime.disconnect(), options.timeoutMs ?? 60_000);
  }
  if (failure) throw failure.error;
  return { resources: merge(constructed, registrations), outputs };
}

/** Construction order and parents from the transformation, inputs from the mock monitor. */
function merge(constructed: PlannedResource[], registrations: Registration[]): PlannedResource[] {
  const byKey = new Map(registrations.map((r) => [`${r.type}::${r.name}`, r]));
  const stack = registrations.find((r) => r.type === pulumi.runtime.rootPulumiStackTypeName);
  const planned = constructed.map((c) => {
    const registration = byKey.get(`${c.type}::${c.name}`);
    if (!registration) throw new Error(`${c.type} ${c.name} was constructed but never registered`);
    return { ...c, custom: registration.custom, inputs: registration.inputs };
  });
  return stack ? [{ ...stack }, ...planned] : planned;
}

async function inspectOutputs(outputs: Record<string, unknown>): Promise<Record<string, InspectedOutput>> {
  const inspected: Record<string, InspectedOutput> = {};
  for (const [key, value] of Object.entries(outputs)) {
    const output: pulumi.Output<unknown> = pulumi.output(value as pulumi.Input<unknown>);
    const secret = await pulumi.isSecret(output);
    inspected[key] = { value: await new Promise((resolve) => output.apply((v: unknown) => resolve(v))), secret };
  }
  return inspected;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProgramTimeoutError(`the program did not finish within ${ms} ms under the mocks`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
