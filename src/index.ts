/**
 * The terra-iac Pulumi program (Pulumi.yaml `main`). `pulumi up --stack <env>` deploys config/<env>.yaml, or
 * the environment named by `terra-iac:environment`. Pulumi calls the exported function and takes what it
 * returns as the stack outputs (@pulumi/pulumi cmd/run/run.ts).
 */
import { resolve } from 'node:path';
import { terraIacStack } from './infra/pulumi-entry';

export = terraIacStack(resolve(__dirname, '..'));
