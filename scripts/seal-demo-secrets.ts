import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { collectSecretRefs, fullStackKey } from '../src/model/secret-refs';
import { encryptValue, newEncryptionSalt, unlockStack } from '../src/load/pulumi-passphrase';
import { loadProject } from '../src/project';

/**
 * Writes real Pulumi passphrase ciphertext of plainly fake demo values into Pulumi.<env>.yaml for every
 * `fromStackConfig` reference of the shipped config/. The passphrase is the README's demo passphrase.
 * Usage: node scripts/run-ts.js scripts/seal-demo-secrets.ts
 */
const DEMO_PASSPHRASE = process.env.PULUMI_CONFIG_PASSPHRASE ?? 'terra-iac-demo-passphrase';
const root = process.cwd();
const project = loadProject({ root, rules: [] });

for (const env of project.environments) {
  if (!env.model) throw new Error(`${env.file.path} is not schema-valid; fix it first`);
  const stackPath = join(root, `Pulumi.${env.name}.yaml`);
  const doc = existsSync(stackPath)
    ? parseDocument(readFileSync(stackPath, 'utf8'))
    : parseDocument(`# yaml-language-server: $schema=./schemas/pulumi-stack.schema.json\nconfig: {}\n`);
  let salt = doc.get('encryptionsalt') as string | undefined;
  let key: Buffer;
  if (salt) key = unlockStack(DEMO_PASSPHRASE, salt);
  else ({ state: salt, key } = newEncryptionSalt(DEMO_PASSPHRASE));
  doc.set('secretsprovider', 'passphrase');
  doc.set('encryptionsalt', salt);
  for (const found of collectSecretRefs(env.model)) {
    if (!('fromStackConfig' in found.ref)) continue;
    const name = fullStackKey(found.ref.fromStackConfig);
    if (doc.hasIn(['config', name])) continue;
    const demo = `DEMO-ONLY-not-a-real-secret-${env.name}-${found.purpose}`;
    doc.setIn(['config', name], { secure: encryptValue(key, demo) });
  }
  writeFileSync(stackPath, doc.toString({ lineWidth: 0 }));
  console.log(`sealed ${stackPath}`);
}
