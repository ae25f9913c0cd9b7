import { plural } from '../../core/plural';
import { flattenRemoteText } from '../../core/safe-text';
import type { ImportedEnvironment } from '../../terra/admin/import-environment';
import { NEEDS_A_HUMAN } from './yaml-nodes';

/** What `terra-iac import` prints once both files are written: what it found, and the steps left. */
export function renderImportReport(imported: ImportedEnvironment, files: { environment: string; stack: string }): string {
  const env = imported.environment;
  const lines = [`terra-iac import: dev-id ${imported.devId} -> ${files.environment} and ${files.stack}`];
  lines.push(`  tier: ${imported.tier.tier} (${imported.tier.how})`);
  const providers = imported.providers.map((p) => {
    const parts = [p.settings.dedicatedKeys ? 'dedicated keys' : '', p.settings.scopes || (p.settings.dedicatedKeys && 'scopes' in p.settings.dedicatedKeys) ? 'custom scopes' : ''].filter(Boolean);
    return `${flattenRemoteText(p.code, 60)}${parts.length ? ` (${parts.join(', ')})` : ''}`;
  });
  lines.push(`  ${plural(imported.providers.length, 'provider')}: ${providers.join(', ') || '(none enabled)'}`);
  const hook = imported.webhook;
  lines.push(
    hook
      ? `  webhook: ${flattenRemoteText(hook.url, 200)} (${hook.eventTypes ? plural(hook.eventTypes.length, 'event type') : 'every event type'}${hook.active ? '' : ', inactive'})`
      : '  webhook: none in Terra',
  );
  const data = imported.data;
  if (data) {
    const parts = [
      data.types ? `types ${data.types.length ? data.types.join(', ') : '(ATHLETE only)'}` : '',
      data.samples !== undefined ? `samples ${data.samples ? 'on' : 'off'}` : '',
      data.fields ? `fields of ${Object.keys(data.fields).join(', ')}` : '',
      data.processing ? `processing ${data.processing}` : '',
    ].filter(Boolean);
    lines.push(`  data: ${parts.join('; ')}`);
  }
  if (imported.widget) lines.push(`  widget: ${[imported.widget.name ? `name "${imported.widget.name}"` : '', imported.widget.logoUrl ? 'a logo' : ''].filter(Boolean).join(', ')}`);
  if (imported.remarks.length > 0) lines.push('Not imported as it is:', ...imported.remarks.map((r) => `  - ${r}`));
  lines.push('Set the secrets (Terra shows them masked; each command prompts for the value):');
  lines.push(...imported.secrets.map((s) => `  pulumi config set --secret ${s.stackKey} --stack ${env}`));
  lines.push(
    `Then fill in the lines marked "${NEEDS_A_HUMAN}" in ${files.environment}, and run terra-iac validate --env ${env} and`,
    `terra-iac drift --env ${env} (docs/adopt-existing-environment.md).`,
  );
  return `${lines.join('\n')}\n`;
}
