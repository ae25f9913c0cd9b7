import { SOURCES } from '../catalog/sources';
import type { Rule } from '../validate/rule-contract';
import { isSecureValue } from '../model/stack-values';
import { modeledStacks, secretKeysOf, stackConfig } from './util/stacks';

/** Pulumi refuses to run ("must be encrypted as it's secret"), and the value already sits in git in clear text. */
export const stackSecretPlain: Rule = {
  id: 'stack-secret-plain',
  severity: 'error',
  description:
    'A stack config key that config/ references as a secret, or that Pulumi.yaml declares `secret: true`, must hold a `secure:` value, never a plain one. The value is never printed.',
  source: `${SOURCES.pulumiProjectConfig}; ${SOURCES.pulumiSecureValue}`,
  fix: 'Encrypt the value with `pulumi config set --secret <key> --stack <env>` (it writes a `secure:` value); treat the plain value as leaked and rotate it, since git history keeps it.',
  security: { score: 9.0, cwe: [312] },
  check(ctx) {
    for (const stack of modeledStacks(ctx)) {
      const config = stackConfig(stack);
      for (const [key, why] of secretKeysOf(ctx, stack)) {
        if (!Object.hasOwn(config, key) || isSecureValue(config[key])) continue;
        ctx.report(stack.file, {
          path: ['config', key],
          message: `${key} holds a plain value, but ${why}`,
          hint: `encrypt it with \`pulumi config set --secret ${key} --stack ${stack.name}\`; treat the exposed value as leaked and rotate it`,
          sensitive: true,
        });
      }
    }
  },
};
