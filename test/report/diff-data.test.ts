import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnvironmentDiff } from '../../src/report/diff/environments';
import { E2E_TIMEOUT_MS, REPO_ROOT, copyProject, runCli } from './helpers';

describe('terra-iac diff ENV_A ENV_B: data types, fields, processing and widget', { timeout: E2E_TIMEOUT_MS }, () => {
  it('shows what staging manages against testing, which manages none of it', () => {
    const result = runCli(['diff', 'staging', 'testing'], REPO_ROOT);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        '  data types: ACTIVITY, BODY, DAILY, MENSTRUATION, NUTRITION, SLEEP -> not managed',
        '  data samples: yes -> not managed',
        '  processing format: json -> not managed',
        '  widget name: Acme Connect (staging) -> not managed',
        '  widget logo: https://cdn.acme-health.example/logo.png -> not managed',
        '  activity fields: calories, distance_metres, steps -> not managed',
      ]),
    );
  });

  it('lists added and removed data types, changed fields and a processing switch as JSON', () => {
    const dir = copyProject(REPO_ROOT);
    const testing = join(dir, 'config/testing.yaml');
    const text = readFileSync(testing, 'utf8').replace(
      '\naws:\n',
      '\ndata:\n  types: [ACTIVITY, SLEEP, HEALTH_OBSERVATION]\n  samples: true\n  fields: { activity: [steps] }\n  processing: fhir\nwidget:\n  name: Acme Connect (staging)\naws:\n',
    );
    writeFileSync(testing, text);
    const result = runCli(['diff', 'staging', 'testing', '--format', 'json'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const byKey = new Map((JSON.parse(result.stdout) as EnvironmentDiff).differences.map((d) => [d.key, d]));
    expect(byKey.get('data.types')).toMatchObject({ added: ['HEALTH_OBSERVATION'], removed: ['BODY', 'DAILY', 'MENSTRUATION', 'NUTRITION'] });
    expect(byKey.get('data.fields.activity')).toMatchObject({ added: [], removed: ['calories', 'distance_metres'] });
    expect(byKey.get('data.processing')).toMatchObject({ from: 'json', to: 'fhir' });
    expect(byKey.get('widget.logoUrl')).toMatchObject({ from: 'https://cdn.acme-health.example/logo.png', to: null, toText: 'not managed' });
    // The same name and the same samples flag are no difference.
    expect(byKey.has('widget.name')).toBe(false);
    expect(byKey.has('data.samples')).toBe(false);
  });
});
