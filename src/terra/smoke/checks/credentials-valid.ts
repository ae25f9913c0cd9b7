import type { SmokeCheck } from '../smoke-context';
import { adviceFor, describeError, fail, isCredentialRejection, isUnknownDevId, pass } from './outcomes';

/**
 * `GET /subscriptions?page=0&per_page=1` is the cheapest authenticated call without side effects
 * (https://docs.tryterra.co/reference/using-the-api). 401/403 = key rejected; 404 "Invalid dev-id" = dev-id unknown (tryterra/openapi v2-bundled.yaml generateAuthToken).
 */
export const credentialsValid: SmokeCheck = {
  id: 'credentials.valid',
  description: 'The dev-id and API key are accepted by an authenticated, side-effect-free call (`GET /subscriptions?page=0&per_page=1`).',
  async run({ shared, target }) {
    try {
      await shared.users();
      return pass(`dev-id ${target.devId} and its API key were accepted`);
    } catch (error) {
      if (isUnknownDevId(error)) {
        return fail(`Terra does not know dev-id ${target.devId} (${describeError(error)}); check terra.devId in config/${target.environment}.yaml`);
      }
      if (isCredentialRejection(error)) {
        return fail(
          `Terra rejected the credentials of dev-id ${target.devId} (${describeError(error)}); set TERRA_API_KEY to this environment's API key (each dev-id has its own key, and a rotated key stops working at once)`,
        );
      }
      return fail(`could not check the credentials: ${describeError(error)}; ${adviceFor(error, target.apiBaseUrl)}`);
    }
  },
};
