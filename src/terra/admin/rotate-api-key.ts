import { TerraIacError } from '../../core/errors';
import type { AdminOperationId } from './admin-operations';
import type { TerraAdminClient } from './client';

/** What `terra-iac rotate-api-key` calls: `rotateEnvironmentApiKey` needs account:write and keys:read. */
export const ROTATE_API_KEY_OPERATIONS: readonly AdminOperationId[] = ['rotateEnvironmentApiKey'];

/**
 * Rotates the environment's legacy API key (`rotateEnvironmentApiKey`: "Mints a new client_secret for this
 * environment and returns it once ... The rotated-away secret stops working immediately") and returns the
 * new key, which the caller must store before it reports anything.
 */
export async function rotateApiKey(client: TerraAdminClient, devId: string): Promise<string> {
  const rotated = await client.rotateEnvironmentApiKey(devId);
  if (rotated.api_key.trim() === '') {
    throw new TerraIacError(`Terra answered the rotation of dev-id ${devId} without a new key`, 'io', {
      hint: 'the old key may no longer work: rotate on the dashboard and store the key with `pulumi config set --secret`',
    });
  }
  return rotated.api_key;
}
