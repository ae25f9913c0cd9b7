import type { SmokeCheck } from '../smoke-context';
import { safeUrl } from '../../http/url';
import { deliverWebhook, smokeTestEvent } from '../../webhook/webhook-probe';
import { describeError, fail, pass, skip } from './outcomes';

/**
 * The same event signed with a key nobody knows must be refused with 4xx: a receiver that accepts it
 * would accept anyone's events (https://docs.tryterra.co/verifying-signatures; agent-skills: reject with 401).
 */
export const webhookRejectsForged: SmokeCheck = {
  id: 'webhook.rejects-forged',
  description: 'The same event with a wrong signature is refused with a 4xx; a receiver that accepts it fails, since it would accept anyone\'s events.',
  async run({ target, budget, redact, retry }) {
    if (!target.webhookUrl) return skip(`no webhook configured (webhook.url in config/${target.environment}.yaml) and no --webhook-url`);
    const where = safeUrl(target.webhookUrl);
    try {
      const { status } = await deliverWebhook({ url: target.webhookUrl, body: smokeTestEvent(), signWith: 'forged', deadline: budget.deadline, redact, retry });
      if (status >= 400 && status < 500) return pass(`${where} refused a forged signature (HTTP ${status})`);
      if (status >= 200 && status < 300) {
        return fail(
          `${where} accepted an event with a forged signature (HTTP ${status}): it does not verify terra-signature, so anyone can post events to it; verify the HMAC-SHA256 of "<t>.<raw body>" and answer 401 when it does not match`,
        );
      }
      return fail(`${where} answered a forged event with HTTP ${status} instead of a 4xx; verify the signature first and answer 401 when it does not match`);
    } catch (error) {
      return fail(`could not send the forged test event: ${describeError(error)}; check that the receiver runs and is reachable at ${where}`);
    }
  },
};
