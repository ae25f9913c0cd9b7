import { EVENT_TYPES_SOURCE, UNCONFIRMED_EVENT_TYPES } from '../catalog/webhook-event-types';
import type { DocPath } from '../core/diagnostic';
import type { Rule, RuleContext } from '../validate/rule-contract';
import { modeledEnvironments, type ModeledEnvironment } from './util/environments';

const UNCONFIRMED: ReadonlySet<string> = new Set(UNCONFIRMED_EVENT_TYPES);

/** Types only seen in 2026 material may be rejected by the destination API or never sent. */
export const eventTypeUnconfirmed: Rule = {
  id: 'event-type-unconfirmed',
  severity: 'warning',
  description: `Event types seen only in 2026 material (${UNCONFIRMED_EVENT_TYPES.join(', ')}) are UNCONFIRMED and warn.`,
  source: EVENT_TYPES_SOURCE,
  fix: 'Check that your Terra account offers the event type before relying on it; the receiver should log and acknowledge event types it does not know.',
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      reportUnconfirmed(ctx, env, ['webhook', 'eventTypes'], env.model.webhook?.eventTypes);
      (env.model.destinations ?? []).forEach((d, i) => reportUnconfirmed(ctx, env, ['destinations', i, 'eventTypes'], d.eventTypes));
    }
  },
};

function reportUnconfirmed(ctx: RuleContext, env: ModeledEnvironment, path: DocPath, types: readonly string[] | undefined): void {
  (types ?? []).forEach((type, i) => {
    if (!UNCONFIRMED.has(type)) return;
    ctx.report(env.file, {
      path: [...path, i],
      message: `event type ${type} is UNCONFIRMED (only in 2026 material)`,
      hint: 'check that your Terra account offers it; unknown types should still be logged and acknowledged by the receiver',
    });
  });
}
