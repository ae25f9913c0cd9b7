import type { SmokeCheck } from '../smoke-context';
import { TerraCallError } from '../../http/terra-call-error';
import { safeUrl } from '../../http/url';
import { deliverWebhook, smokeTestEvent } from '../../webhook/webhook-probe';
import { describeError, fail, pass, skip } from './outcomes';

/** A correctly signed test event must be acknowledged with 2xx, as Terra expects (https://docs.tryterra.co/health-and-fitness-api/receiving-data-updates). */
export const webhookDelivery: SmokeCheck = {
  id: 'webhook.delivery',
  description: "A test event signed the way Terra signs (`terra-signature: t=...,v1=...`) is accepted by the webhook receiver with a 2xx.",
  async run({ target, budget, redact, retry }) {
    if (!target.webhookUrl) return skip(`no webhook configured (webhook.url in config/${target.environment}.yaml) and no --webhook-url`);
    if (!target.signingSecret) return fail('no webhook signing secret: set TERRA_WEBHOOK_SIGNING_SECRET to the secret Terra shows for this destination');
    const where = safeUrl(target.webhookUrl);
    try {
      const { status, redirectHost } = await deliverWebhook({ url: target.webhookUrl, body: smokeTestEvent(), signWith: { secret: target.signingSecret }, deadline: budget.deadline, redact, retry });
      if (status >= 200 && status < 300) return pass(`${where} accepted a signed test event (HTTP ${status})`);
      if (status >= 300 && status < 400) {
        const to = redirectHost ? ` to ${redirectHost}` : '';
        return fail(`${where} answered a redirect (HTTP ${status})${to}; Terra does not follow redirects, so point the destination at the final URL`);
      }
      if (status === 401 || status === 403) {
        return fail(
          `${where} refused a correctly signed event (HTTP ${status}); the receiver verifies with another signing secret: each environment and destination has its own, and recreating a destination changes it`,
        );
      }
      return fail(`${where} refused a correctly signed event (HTTP ${status}); it must answer 2xx, or Terra retries and finally drops the event`);
    } catch (error) {
      if (error instanceof TerraCallError && error.kind === 'too-large') {
        return fail(`${describeError(error)}: a webhook receiver acks with an empty or small body (Terra reads only the status); check that ${where} is the receiver`);
      }
      return fail(`the webhook receiver did not accept the test event: ${describeError(error)}; check that it runs and is reachable at ${where}`);
    }
  },
};
