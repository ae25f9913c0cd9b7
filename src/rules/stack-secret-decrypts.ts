import { SOURCES } from '../catalog/sources';
import { PassphraseError, decryptValue, unlockStack } from '../load/pulumi-passphrase';
import { PassphraseFileError, passphraseFromEnv, usesPassphraseProvider } from '../load/stack-passphrase';
import type { Rule } from '../validate/rule-contract';
import { modeledStacks, secureValues, type ModeledStack } from './util/stacks';

/**
 * With PULUMI_CONFIG_PASSPHRASE (or _FILE) set, every `secure:` value of a passphrase stack must open under
 * that stack's own key: a value pasted from another stack (another salt) fails here instead of in `pulumi up`.
 * Nothing decrypted is kept or printed; the key is derived once per stack (PBKDF2, 1,000,000 rounds).
 *
 * A passphrase the user set on purpose that opens none of the checked stacks is an error, as it is for
 * `plan` and `pulumi up` (Pulumi: "incorrect passphrase"). When it opens some stacks but not others, those
 * others may have passphrases of their own: a warning that they were not checked. No passphrase: silence.
 */
export const stackSecretDecrypts: Rule = {
  id: 'stack-secret-decrypts',
  severity: 'error',
  description:
    'With PULUMI_CONFIG_PASSPHRASE set, each `secure:` value of a passphrase stack decrypts under that stack\'s own encryptionsalt; a value encrypted for another stack or with another passphrase is reported, and so is a passphrase that unlocks none of the checked stacks. No decrypted value is printed.',
  source: SOURCES.pulumiPassphrase,
  fix: 'Set PULUMI_CONFIG_PASSPHRASE to the passphrase the stack was created with; re-enter a value encrypted for another stack with `pulumi config set --secret <key> --stack <env>`.',
  security: { score: 3.0, cwe: [] },
  check(ctx) {
    let passphrase: string | undefined;
    try {
      passphrase = passphraseFromEnv(ctx.env);
    } catch (error) {
      if (!(error instanceof PassphraseFileError)) throw error;
      const first = modeledStacks(ctx)[0];
      if (first) ctx.report(first.file, { path: ['encryptionsalt'], message: error.message, hint: 'fix the path, or set PULUMI_CONFIG_PASSPHRASE' });
      return;
    }
    if (passphrase === undefined) return;
    const unlocked: { stack: ModeledStack; key: Buffer; values: ReturnType<typeof secureValues> }[] = [];
    const locked: { stack: ModeledStack; why: string }[] = [];
    for (const stack of modeledStacks(ctx)) {
      const salt = stack.model.encryptionsalt;
      if (!salt || !usesPassphraseProvider(stack.model)) continue;
      const values = secureValues(stack);
      if (values.length === 0) continue;
      try {
        unlocked.push({ stack, key: unlockStack(passphrase, salt), values });
      } catch (error) {
        if (!(error instanceof PassphraseError)) throw error;
        locked.push({ stack, why: error.message });
      }
    }
    for (const { stack, why } of locked) {
      const opensNothing = unlocked.length === 0;
      ctx.report(stack.file, {
        path: ['encryptionsalt'],
        severity: opensNothing ? 'error' : 'warning',
        message: opensNothing
          ? `the passphrase in the environment does not unlock this stack (${why}): \`pulumi up\` would stop here`
          : `the passphrase does not unlock this stack (${why}), so its secure values were not checked; it unlocks other stacks, so this one may have a passphrase of its own`,
        hint: `set PULUMI_CONFIG_PASSPHRASE to the passphrase ${stack.file.path} was created with${opensNothing ? ', or unset it to skip this check' : ''}`,
      });
    }
    for (const { stack, key, values } of unlocked) {
      for (const { path, ciphertext } of values) {
        try {
          decryptValue(key, ciphertext);
        } catch (error) {
          if (!(error instanceof PassphraseError)) throw error;
          const name = String(path[1]).replace(/^terra-iac:/, '');
          ctx.report(stack.file, {
            path,
            message: `the secure value of ${String(path[1])} does not decrypt under this stack's encryptionsalt: it was encrypted for another stack or with another passphrase`,
            hint: `re-enter it for this stack: pulumi config set --secret ${name} --stack ${stack.name}`,
          });
        }
      }
    }
  },
};
