import { Document, isMap } from 'yaml';
import type { ImportedEnvironment } from '../../terra/admin/import-environment';
import { commentAbove, NEEDS_A_HUMAN, pairAt, pairOf, WRITE_OPTIONS } from './yaml-nodes';

/**
 * Pulumi.<env>.yaml as an import writes it: the passphrase secrets provider and no value terra-iac cannot
 * know. `encryptionsalt` is derived from the passphrase (`v1:<salt>:<"pulumi" encrypted>`, as
 * pulumi/pulumi pkg/secrets/passphrase/manager.go makes it), so it is written only when one was given;
 * otherwise the first `pulumi config set --secret` adds it. Secrets are never written: the header lists the
 * command for each one config/<env>.yaml references.
 */
export function renderStackFile(imported: ImportedEnvironment, encryptionSalt: string | undefined): string {
  const env = imported.environment;
  const doc = new Document({});
  if (!isMap(doc.contents)) throw new Error('a new document holds a map');
  doc.contents.commentBefore = [
    ' yaml-language-server: $schema=./schemas/pulumi-stack.schema.json',
    ` Stack for config/${env}.yaml (Terra dev-id ${imported.devId}), written by \`terra-iac import\`. Secrets use the`,
    ` passphrase provider. ${NEEDS_A_HUMAN} set each secret config/${env}.yaml references (each command prompts for it):`,
    ...imported.secrets.map((s) => `   pulumi config set --secret ${s.stackKey} --stack ${env}`),
  ].join('\n');
  const config = pairOf(doc, 'config', { 'terra-iac:applyToTerra': false });
  if (isMap(config.value)) {
    const apply = pairAt(config.value, ['terra-iac:applyToTerra']);
    if (apply) {
      commentAbove(apply, `${NEEDS_A_HUMAN} the AWS region this stack deploys to: pulumi config set aws:region <region> --stack ${env}`);
      commentAbove(apply, `true: \`pulumi up\` applies config/${env}.yaml to Terra, adopting what exists there (docs/adopt-existing-environment.md)`);
    }
  }
  doc.contents.items.push(config);
  doc.contents.items.push(pairOf(doc, 'secretsprovider', 'passphrase'));
  if (encryptionSalt) doc.contents.items.push(pairOf(doc, 'encryptionsalt', encryptionSalt));
  else doc.comment = ' encryptionsalt: added by the first `pulumi config set --secret` (from PULUMI_CONFIG_PASSPHRASE)';
  return doc.toString(WRITE_OPTIONS);
}
