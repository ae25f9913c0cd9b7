import * as pulumi from '@pulumi/pulumi';

/** A resource registration as the mock monitor received it. */
export interface Registration {
  type: string;
  name: string;
  custom: boolean;
  /** Inputs as the engine would get them: secret values stay wrapped (see `isSecretInput`). */
  inputs: Record<string, unknown>;
}

/** An input the program marked secret, as serialised for the engine (@pulumi/pulumi runtime/rpc.ts). */
export interface SecretInput {
  [pulumi.runtime.specialSigKey]: typeof pulumi.runtime.specialSecretSig;
  value: unknown;
}

export function isSecretInput(value: unknown): value is SecretInput {
  return (
    value !== null &&
    typeof value === 'object' &&
    (value as Record<string, unknown>)[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig
  );
}

/** How a value that only AWS knows after `pulumi up` (an ARN, a key id) appears in a plan. */
export function knownAfterDeploy(name: string, attribute: string): string {
  return `(known after deploy: ${name}.${attribute})`;
}

/** Outputs AWS computes, per resource type, beyond the `arn` every AWS resource has. */
const COMPUTED: Record<string, readonly string[]> = {
  'aws:kms/key:Key': ['keyId'],
  'aws:sqs/queue:Queue': ['url'],
  'aws:iam/accessKey:AccessKey': ['secret'],
};

/** IDs AWS derives from an input (the bucket and user name), so the plan can show them. */
const ID_FROM_INPUT: Record<string, string> = {
  'aws:s3/bucket:Bucket': 'bucket',
  'aws:iam/user:User': 'name',
};

/**
 * Mocks that record every registration and answer like AWS would, with placeholders for what only AWS knows.
 * Invokes fail loudly: the program makes none, and a new one must be stubbed on purpose (an unstubbed call would otherwise return nothing and hide a missing mock).
 */
export function recordingMocks(): { mocks: pulumi.runtime.Mocks; registrations: Registration[] } {
  const registrations: Registration[] = [];
  const mocks: pulumi.runtime.Mocks = {
    newResource(args) {
      const inputs = { ...(args.inputs as Record<string, unknown>) };
      const custom = args.custom !== false;
      registrations.push({ type: args.type, name: args.name, custom, inputs });
      if (!custom) return { id: undefined, state: inputs };
      const state: Record<string, unknown> = { ...inputs };
      for (const attribute of ['arn', ...(COMPUTED[args.type] ?? [])]) {
        if (state[attribute] === undefined) state[attribute] = knownAfterDeploy(args.name, attribute);
      }
      const idInput = ID_FROM_INPUT[args.type];
      const id = idInput && typeof inputs[idInput] === 'string' ? (inputs[idInput] as string) : knownAfterDeploy(args.name, 'id');
      return { id, state };
    },
    call(args) {
      throw new Error(`terra-iac mocks: unexpected provider call ${args.token}; stub it in src/infra/plan/recording-mocks.ts`);
    },
  };
  return { mocks, registrations };
}
