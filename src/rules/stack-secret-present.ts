import { SOURCES } from '../catalog/sources';
import { PROJECT_NAMESPACE } from '../model/secret-refs';
import { escEnvironmentsOf } from '../model/stack-values';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments } from './util/environments';
import { modeledStacks, stackConfig, stackEnvironment, stackKeyRefs, type ModeledStack } from './util/stacks';

/** A reference to a stack config key that the stack does not hold fails `pulumi up` with "missing configuration". */
export const stackSecretPresent: Rule = {
  id: 'stack-secret-present',
  severity: 'error',
  description:
    'Every `fromStackConfig` reference in config/<env>.yaml is present in that environment\'s stack file; the fix hint is the exact `pulumi config set --secret <key> --stack <env>` command. A stack that imports a Pulumi ESC environment may get the key from there: that is reported as info, not verified.',
  source: `${SOURCES.pulumiSecureValue}; ${SOURCES.pulumiProjectConfig}`,
  fix: 'Set the key with `pulumi config set --secret <key> --stack <env>`; a stack importing a Pulumi ESC environment gets it from that environment\'s `values.pulumiConfig` instead.',
  security: { score: 3.0, cwe: [] },
  check(ctx) {
    const stacksByEnvironment = new Map<string, ModeledStack[]>();
    for (const stack of modeledStacks(ctx)) {
      const name = stackEnvironment(stack);
      const deploying = stacksByEnvironment.get(name);
      if (deploying) deploying.push(stack);
      else stacksByEnvironment.set(name, [stack]);
    }
    for (const env of modeledEnvironments(ctx)) {
      const deploying = stacksByEnvironment.get(env.name);
      if (!deploying) continue;
      for (const { found, key } of stackKeyRefs(env.model)) {
        for (const stack of deploying) {
          if (Object.hasOwn(stackConfig(stack), key)) continue;
          const name = key.replace(`${PROJECT_NAMESPACE}:`, '');
          const esc = escEnvironmentsOf(stack.model);
          ctx.report(
            env.file,
            esc.length > 0
              ? {
                  path: [...found.path, 'fromStackConfig'],
                  severity: 'info',
                  message: `stack config key ${key} is not in ${stack.file.path}: supplied by the ESC environment ${esc.join(', ')}, not verified here`,
                  hint: `check that ${esc.length > 1 ? 'one of them' : 'it'} sets it under values.pulumiConfig: \`pulumi config --stack ${stack.name} --show-secrets\` lists what the program gets`,
                }
              : {
                  path: [...found.path, 'fromStackConfig'],
                  message: `stack config key ${key} is not in ${stack.file.path}`,
                  hint: `pulumi config set --secret ${name} --stack ${stack.name}`,
                },
          );
        }
      }
    }
  },
};
