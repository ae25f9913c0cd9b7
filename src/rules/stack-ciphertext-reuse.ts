import { SOURCES } from '../catalog/sources';
import type { Rule } from '../validate/rule-contract';
import { modeledStacks, secureValues } from './util/stacks';

/** Each stack encrypts with its own data key (encryptionsalt); a copied ciphertext does not decrypt in another stack. */
export const stackCiphertextReuse: Rule = {
  id: 'stack-ciphertext-reuse',
  severity: 'error',
  description:
    'The same `secure:` ciphertext in two stack files is an error: each stack encrypts with its own key, so a copied ciphertext cannot decrypt under the other stack\'s key (and would share one secret between environments if it did).',
  source: SOURCES.pulumiPassphrase,
  fix: 'Re-enter the value in each stack with `pulumi config set --secret <key> --stack <env>`, using the secret that belongs to that environment.',
  security: { score: 5.0, cwe: [] },
  check(ctx) {
    const first = new Map<string, { file: string; key: string }>();
    for (const stack of modeledStacks(ctx)) {
      for (const { path, ciphertext } of secureValues(stack)) {
        const key = String(path[1]);
        const seen = first.get(ciphertext);
        if (!seen) {
          first.set(ciphertext, { file: stack.file.path, key });
          continue;
        }
        if (seen.file === stack.file.path) continue;
        ctx.report(stack.file, {
          path,
          message: `the ciphertext of ${key} is copied from ${seen.key} in ${seen.file}`,
          hint: `re-enter the value for this stack: \`pulumi config set --secret ${key} --stack ${stack.name}\``,
        });
      }
    }
  },
};
