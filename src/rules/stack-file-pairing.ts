import { SOURCES } from '../catalog/sources';
import type { Rule } from '../validate/rule-contract';
import { stackEnvironment } from './util/stacks';

/** `pulumi up -s <env>` deploys config/<env>.yaml: either side alone is a half-set-up environment. */
export const stackFilePairing: Rule = {
  id: 'stack-file-pairing',
  severity: 'error',
  description:
    'Every config/<env>.yaml has a Pulumi.<env>.yaml stack file and every stack file deploys an existing config/<env>.yaml (`terra-iac:environment` can point a stack elsewhere). Checked only when the whole project is validated.',
  source: `${SOURCES.pulumiProjectConfig}; terra-iac design (one stack per environment)`,
  fix: 'Create the missing stack with `pulumi stack init <env>` and set its config, point a stack at its environment with `terra-iac:environment`, or delete a stack file whose environment is gone.',
  check(ctx) {
    if (!ctx.complete) return;
    const deployed = new Set(ctx.stacks.map(stackEnvironment));
    const environments = new Set(ctx.environments.map((e) => e.name));
    // A stack file that failed its schema may deploy any environment (`terra-iac:environment` is unreadable):
    // with one, no environment can be called unpaired, and that stack's own target is unknown.
    const unknownStack = ctx.stacks.some((s) => s.model === undefined);
    for (const env of ctx.environments) {
      if (deployed.has(env.name) || unknownStack) continue;
      ctx.report(env.file, {
        path: [],
        message: `${env.file.path} has no Pulumi stack file (Pulumi.${env.name}.yaml)`,
        hint: `run \`pulumi stack init ${env.name}\` to create it, then set its secrets with \`pulumi config set --secret <key> --stack ${env.name}\``,
      });
    }
    for (const stack of ctx.stacks) {
      if (stack.model === undefined) continue;
      const target = stackEnvironment(stack);
      if (environments.has(target)) continue;
      const explicit = target !== stack.name;
      ctx.report(stack.file, {
        path: explicit ? ['config', 'terra-iac:environment'] : [],
        message: `${stack.file.path} deploys config/${target}.yaml, which does not exist`,
        hint: explicit
          ? 'point `terra-iac:environment` at an existing config/<env>.yaml'
          : `create config/${target}.yaml, or remove the stack with \`pulumi stack rm ${target}\``,
      });
    }
  },
};
