import { EXIT } from '../../core/errors';
import { renderDriftJson, renderDriftText } from '../../report/admin/render-drift';
import { driftReport, openAdminSession } from '../admin-session';
import type { Io } from '../io';
import type { DriftArgs } from './drift';

/** `terra-iac drift --env NAME`: exit 0 in sync, 1 when Terra differs, so CI can gate on it. */
export async function run({ values, positionals }: DriftArgs, io: Io): Promise<number> {
  const session = await openAdminSession(values, positionals, io, true);
  const report = await driftReport(session);
  io.stdout(values.format === 'json' ? renderDriftJson(report) : renderDriftText(report));
  return report.inSync ? EXIT.ok : EXIT.findings;
}
