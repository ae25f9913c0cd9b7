import { SOURCES } from '../catalog/sources';
import { escEnvironmentsOf } from '../model/stack-values';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironmentOf, modeledStacks, projectNamespace, referencedStackKeys, stackConfig } from './util/stacks';

type Declaration = { type?: string; secret?: boolean; default?: unknown; value?: unknown };

const NONE: ReadonlySet<string> = new Set();

/**
 * Pulumi refuses `pulumi up` with "Stack '<stack>' is missing configuration value <key>" when Pulumi.yaml
 * declares a key of this project with neither `default` nor `value` and the stack does not set it
 * (pkg/workspace/config.go validateStackConfigValues). Catching it in the pull request saves a failed deploy.
 */
export const stackMissingConfig: Rule = {
  id: 'stack-missing-config',
  severity: 'error',
  description:
    'Every key Pulumi.yaml declares without a `default` or `value` is set in every stack file, as `pulumi up` requires ("Stack ... is missing configuration value ...").',
  source: SOURCES.pulumiProjectConfig,
  fix: 'Set the value in every stack with `pulumi config set <key> <value> --stack <env>` (add `--secret` for a secret), or give the key a `default` in Pulumi.yaml.',
  check(ctx) {
    const declared = ctx.projectFile?.model?.config;
    if (!declared) return;
    const namespace = projectNamespace(ctx);
    const required = Object.entries(declared).flatMap(([name, declaration]) => {
      if (declaration === null || typeof declaration !== 'object' || Array.isArray(declaration)) return [];
      const d = declaration as Declaration;
      if (d.default !== undefined || d.value !== undefined) return [];
      const key = name.includes(':') ? name : `${namespace}:${name}`;
      return key.startsWith(`${namespace}:`) ? [{ key, name: key.slice(namespace.length + 1), secret: d.secret === true }] : [];
    });
    if (required.length === 0) return;
    for (const stack of modeledStacks(ctx)) {
      const config = stackConfig(stack);
      const env = modeledEnvironmentOf(ctx, stack);
      // Keys the environment references are reported at the reference by stack-secret-present.
      const referenced = env ? referencedStackKeys(env.model) : NONE;
      for (const { key, name, secret } of required) {
        if (Object.hasOwn(config, key) || referenced.has(key)) continue;
        const esc = escEnvironmentsOf(stack.model);
        if (esc.length > 0) {
          ctx.report(stack.file, {
            path: ['environment'],
            target: 'key',
            severity: 'info',
            message: `Pulumi.yaml declares \`${key}\` with no default and ${stack.file.path} does not set it: supplied by the ESC environment ${esc.join(', ')}, not verified here`,
            hint: `check that the ESC environment sets it under values.pulumiConfig (\`pulumi config --stack ${stack.name}\` lists what the program gets)`,
          });
          continue;
        }
        ctx.report(stack.file, {
          path: stack.model.config ? ['config'] : [],
          target: 'key',
          message: `Pulumi.yaml declares \`${key}\` with no default, and ${stack.file.path} does not set it: \`pulumi up\` would stop with "missing configuration"`,
          hint: secret ? `pulumi config set --secret ${name} --stack ${stack.name}` : `pulumi config set ${name} <value> --stack ${stack.name}`,
        });
      }
    }
  },
};
