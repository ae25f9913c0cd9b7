import * as pulumi from '@pulumi/pulumi';
import { terraIacProgram, type StackOutputs } from './program';

/**
 * The terra-iac Pulumi program for the project at `root` (config/, Pulumi.yaml, Pulumi.<stack>.yaml), as
 * the function Pulumi calls (Pulumi takes what it returns as the stack outputs, @pulumi/pulumi cmd/run/run.ts).
 * This repository's src/index.ts and an installed package's `terra-iac/pulumi` entry both use it; a
 * repository made by `terra-iac init` exports `require('terra-iac/pulumi').terraIacStack(__dirname)`.
 */
export function terraIacStack(root: string): () => StackOutputs {
  return () =>
    terraIacProgram({
      root,
      stack: pulumi.getStack(),
      env: process.env,
      missingSecrets: 'fail',
      dynamicProviders: 'serialize',
      warn: (text) => pulumi.log.warn(text),
    });
}
