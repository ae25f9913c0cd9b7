import { join } from 'node:path';
import { EXIT, TerraIacError, UsageError } from '../../core/errors';
import { newEncryptionSalt } from '../../load/pulumi-passphrase';
import { passphraseFromEnv } from '../../load/stack-passphrase';
import { TerraAccount } from '../../model/environment';
import { renderEnvironmentFile } from '../../report/import/render-environment-file';
import { renderImportReport } from '../../report/import/render-import-report';
import { renderStackFile } from '../../report/import/render-stack-file';
import { resolveAdminBaseUrl } from '../../terra/admin/admin-base-url';
import { readAdminToken } from '../../terra/admin/admin-token';
import { TerraAdminClient } from '../../terra/admin/client';
import { importedDataConfig } from '../../terra/admin/import-data';
import { importedEnvironment } from '../../terra/admin/import-environment';
import { holdsMask } from '../../terra/admin/import-guard';
import { readImportSource } from '../../terra/admin/import-read';
import { inferTier } from '../../terra/admin/import-tier';
import { LIVE_READ_OPERATIONS } from '../../terra/admin/live';
import { ALL_DATA_PARTS, readDataConfig } from '../../terra/admin/live-data';
import type { Io } from '../io';
import { projectRoot } from '../project-root';
import type { ImportArgs } from './import';
import { refuseExisting, writeNewFiles, type NewFile } from './import-write';

/** What `terra-iac:environment` accepts: a name that is a file name and a stack name alike. */
const ENVIRONMENT_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** `terra-iac import --env NAME --dev-id DEV`: both files, or none (exit 2) when one exists without --force. */
export async function run({ values, positionals }: ImportArgs, io: Io): Promise<number> {
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, 'this command takes only options');
  const environment = values.env;
  if (!environment) throw new UsageError('--env NAME is required', 'name the environment to write, e.g. --env clinic-eu (config/clinic-eu.yaml)');
  if (!ENVIRONMENT_NAME.test(environment)) throw new UsageError(`--env "${environment}" is not an environment name`, 'use lower-case letters, digits and hyphens, e.g. clinic-eu');
  const devId = values['dev-id'];
  if (!devId) throw new UsageError('--dev-id DEV is required', 'the dev-id Terra\'s dashboard shows for the environment');
  if (!TerraAccount.shape.devId.safeParse(devId).success) throw new UsageError(`--dev-id "${devId}" is not a Terra dev-id`, 'a dev-id is letters, digits, ., _ and -');
  const root = projectRoot(values.root, io.cwd);
  const files = { environment: join(root, 'config', `${environment}.yaml`), stack: join(root, `Pulumi.${environment}.yaml`) };
  const shown = { environment: `config/${environment}.yaml`, stack: `Pulumi.${environment}.yaml` };
  const target = (text: string, which: 'environment' | 'stack'): NewFile => ({ absPath: files[which], shownAs: shown[which], text });
  // Refused before Terra is asked anything; the write checks again, and never replaces what appeared meanwhile.
  refuseExisting([target('', 'environment'), target('', 'stack')], values.force === true);

  const base = resolveAdminBaseUrl(values['admin-base-url'], io.env.TERRA_ADMIN_BASE_URL, undefined);
  readAdminToken(io.env);
  const client = new TerraAdminClient({ baseUrl: base.url, env: io.env, readOnly: true });
  const { me, warnings } = await client.preflight(devId, LIVE_READ_OPERATIONS);
  for (const warning of warnings) io.stderr(`terra-iac: warning: ${warning}\n`);
  const tierFromArgs = inferTier(environment, values.tier, undefined, devId);
  const source = await readImportSource(client, devId, tierFromArgs === undefined || (me.scopes ?? []).includes('account:read'));
  const tier = tierFromArgs ?? inferTier(environment, undefined, source.detail, devId);
  if (!tier) {
    throw new UsageError(
      `cannot tell the tier of dev-id ${devId}${source.detailProblem ? ` (${source.detailProblem})` : ': Terra\'s label, name, user limit and billing say nothing conclusive'}`,
      'pass --tier testing, --tier staging or --tier production',
    );
  }
  // The data configuration needs dataconfig:read, which the rest does not: without it the file is still whole.
  const dataRead = (me.scopes ?? []).includes('dataconfig:read') ? await readDataConfig(client, devId, ALL_DATA_PARTS) : undefined;
  const dataConfig = importedDataConfig(
    dataRead,
    'data types, fields, processing and widget: not read, the token lacks the scope dataconfig:read (terra login --scope dataconfig:read imports them too)',
  );
  const environmentOnly = importedEnvironment({ environment, devId, tier, adminBaseUrl: base.url, observed: source.observed, ...(source.detail ? { detail: source.detail } : {}) });
  const imported = {
    ...environmentOnly,
    ...(dataConfig.data ? { data: dataConfig.data } : {}),
    ...(dataConfig.widget ? { widget: dataConfig.widget } : {}),
    remarks: [...environmentOnly.remarks, ...dataConfig.remarks],
  };
  const passphrase = passphraseFromEnv(io.env);
  const texts = {
    environment: renderEnvironmentFile(imported),
    stack: renderStackFile(imported, passphrase === undefined ? undefined : newEncryptionSalt(passphrase).state),
  };
  const report = renderImportReport(imported, shown);
  if (holdsMask([texts.environment, texts.stack, report], source)) {
    throw new TerraIacError('the imported files would hold a secret mask Terra answered with; nothing was written', 'config', {
      hint: 'this is a terra-iac bug: please report it (without the files)',
    });
  }
  writeNewFiles([target(texts.environment, 'environment'), target(texts.stack, 'stack')], values.force === true);
  io.stdout(report);
  return EXIT.ok;
}
