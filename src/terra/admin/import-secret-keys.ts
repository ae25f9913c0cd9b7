import type { DocPath } from '../../core/diagnostic';
import { secretPurpose } from '../../model/secret-refs';

/**
 * The stack config key an imported secret reference names, as the shipped config/*.yaml name theirs:
 * `terraApiKey`, `terraWebhookSigningSecret`, `stravaClientSecret`, `virtuagymApiKey`. That is the secret's
 * purpose (the same one its Secrets Manager name carries) in camel case, with the environment's own secrets
 * under `terra`; a provider code's underscores split words too (`DEXCOM_EU` gives `dexcomEuClientSecret`).
 */
export function importedStackKey(path: DocPath): string {
  const purpose = secretPurpose(path);
  const named = path[0] === 'providers' || purpose.startsWith('terra-') ? purpose : `terra-${purpose}`;
  return named.toLowerCase().replace(/[-_]+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
