/**
 * The terra-iac Pulumi program (Pulumi.yaml `main`). `pulumi up --stack <env>` deploys config/<env>.yaml, or
 * the environment named by `terra-iac:environment`. Pulumi calls the exported function and takes what it
 * returns as the stack outputs (@pulumi/pulumi cmd/run/run.ts).
 */
import * as pulumi from '@pulumi/pulumi';
import { resolve } from 'node:path';
import { terraIacProgram, type StackOutputs } from './infra/program';

export = (): StackOutputs =>
  terraIacProgram({
    root: resolve(__dirname, '..'),
    stack: pulumi.getStack(),
    env: process.env,
    missingSecrets: 'fail',
    dynamicProviders: 'serialize',
    warn: (text) => pulumi.log.warn(text),
  });
