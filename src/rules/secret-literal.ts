import { PASSPHRASE_CIPHERTEXT } from '../model/stack-values';
import { SOURCES } from '../catalog/sources';
import type { SourceFile } from '../load/source-file';
import { formatPath } from '../core/format-path';
import type { Rule, RuleContext } from '../validate/rule-contract';
import { schemaExpectsSecretRef } from './util/schema-secret-ref';
import { containsTerraShapedToken, isUrl, secretShapeOf, type SecretShape } from './util/secret-shape';
import { modeledStacks, secretKeysOf } from './util/stacks';
import { walkDocument, type ScalarSite } from './util/yaml-walk';

/** Values that are identifiers or ciphertext by definition, never plaintext credentials. */
const NOT_SECRET_KEYS = new Set(['devId', 'clientId', 'portalName', 'fromStackConfig', 'fromEnv', 'encryptionsalt', 'encryptedkey', 'secretsprovider']);

/** Shorter values are neither Terra-shaped (32+) nor long enough for the generic rule (10+). */
const MIN_SECRET_LENGTH = 10;

/** Pulumi passphrase ciphertext (crypt.go): misplaced perhaps, but not a plaintext credential. */

const WHY: Record<SecretShape, string> = {
  'terra-key': 'a 32+ character random token, the shape of a Terra API key or signing secret',
  'keyword-entropy': 'a high-entropy value under a credential-like key name',
};

/** Any secret-shaped literal in config/, a stack file's plain values or Pulumi.yaml; the value is never printed. */
export const secretLiteral: Rule = {
  id: 'secret-literal',
  severity: 'error',
  description:
    'A literal that looks like a credential (a Terra-key-shaped 32+ character random token anywhere, or keyword + entropy like gitleaks\' generic rule) must not be committed; secrets belong in `secure:` stack config or the environment.',
  source: `${SOURCES.gitleaksGeneric}; ${SOURCES.pulumiSecureValue}`,
  fix: 'Remove the value, store it with `pulumi config set --secret <key> --stack <env>` and reference it as `{ fromStackConfig: <key> }` (or `{ fromEnv: <VAR> }`); treat it as leaked and rotate it, since git history keeps it.',
  security: { score: 9.0, cwe: [798] },
  check(ctx) {
    const stacks = new Map(modeledStacks(ctx).map((s) => [s.file, s]));
    const modeledEnvironmentFiles = new Set(ctx.environments.filter((e) => e.model).map((e) => e.file));
    for (const file of ctx.files) {
      if (!file.tree) continue;
      const stack = stacks.get(file);
      const ignoredStackKeys = stack ? new Set(secretKeysOf(ctx, stack).keys()) : new Set<string>();
      // Where the schema stage already reported a literal as no-plaintext-secret.
      const schemaReported = file.kind === 'environment' && file.data !== undefined && !modeledEnvironmentFiles.has(file);
      checkFile(ctx, file, ignoredStackKeys, schemaReported);
    }
  },
};

function checkFile(ctx: RuleContext, file: SourceFile, ignoredStackKeys: Set<string>, schemaReported: boolean): void {
  const hint = hintFor(file);
  walkDocument(
    file.tree!,
    file.data,
    (site) => {
      if (site.value.length < MIN_SECRET_LENGTH || notACredential(site, file)) return;
      const shape = secretShapeOf(site.key, site.value);
      if (!shape) return;
      const path = site.path();
      // Keys the stack-secret-plain rule reports with a better message.
      if (file.kind === 'stack' && path[0] === 'config' && ignoredStackKeys.has(String(path[1]))) return;
      if (schemaReported && schemaExpectsSecretRef(path)) return;
      ctx.report(file, { path, message: `\`${formatPath(path)}\` holds ${WHY[shape]}`, hint, sensitive: true });
    },
    (comment) => {
      if (!containsTerraShapedToken(comment.text)) return;
      const where = comment.path.length ? `a comment next to \`${formatPath(comment.path)}\`` : 'a comment';
      ctx.report(file, { path: comment.path, target: comment.target, message: `${where} holds ${WHY['terra-key']}`, hint: `delete it from the comment; ${hint}`, sensitive: true });
    },
    containsTerraShapedToken,
  );
}

function notACredential(site: ScalarSite, file: SourceFile): boolean {
  if (site.key !== undefined && NOT_SECRET_KEYS.has(site.key)) return true;
  if (isUrl(site.value) || PASSPHRASE_CIPHERTEXT.test(site.value)) return true;
  return file.kind === 'stack' && site.key === 'secure' && site.siblings === 1;
}

function hintFor(file: SourceFile): string {
  const rotate = 'treat the value as leaked and rotate it';
  if (file.kind === 'stack') {
    return `encrypt it with \`pulumi config set --secret <key> --stack ${file.name}\` (it writes a \`secure:\` value); ${rotate}`;
  }
  return `store it with \`pulumi config set --secret <key> --stack <env>\` and reference it as \`{ fromStackConfig: <key> }\` (or \`{ fromEnv: <VAR> }\`); ${rotate}`;
}
