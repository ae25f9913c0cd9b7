import type { EnvironmentAudit } from '../types';
import type { Fact, FactValue } from './facts';

const NOT_MANAGED = 'not managed';

/**
 * The data configuration and widget branding as comparable facts, after the environment settings and
 * before the providers. Every fact exists in every environment, so one that manages a setting and one that
 * does not compare as "value" against "not managed".
 */
export function dataFacts(env: EnvironmentAudit): Fact[] {
  const facts: Fact[] = [];
  const add = (key: string, label: string, value: FactValue) => facts.push({ key, label, value, identity: false, absent: NOT_MANAGED, rank: `0:9${String(facts.length).padStart(2, '0')}:` });
  const data = env.data;
  add('data.types', 'data types', data?.types ?? null);
  add('data.samples', 'data samples', data?.samples ?? null);
  add('data.processing', 'processing format', data?.processing ?? null);
  add('widget.name', 'widget name', env.widget?.name ?? null);
  add('widget.logoUrl', 'widget logo', env.widget?.logoUrl ?? null);
  // Only declared selections: a data type whose fields no environment manages is no difference.
  for (const f of data?.fields ?? []) {
    facts.push({ key: `data.fields.${f.dataType}`, label: `${f.dataType} fields`, value: f.fields, identity: false, absent: NOT_MANAGED, rank: `0:950:${f.dataType}` });
  }
  return facts;
}
