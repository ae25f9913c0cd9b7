import { copyProject } from './helpers';

/** Plaintext values planted in a project copy; no output of any format may contain them. */
export const PLANTED = {
  apiKey: 'tk_9fQ2xLr7TmA4vB8nC1dE5gH3jK6pW0zYq',
  signingSecret: 'hunter2hunter2',
  stackPlain: 'Qm7xR2vL9pK4wT8nB3cD6fH1jS5gZ0aEu',
} as const;

/**
 * The shipped project with a plaintext API key and signing secret in config/staging.yaml, a plain value
 * where the stack file wants `secure:`, and an unknown key next to the API key so its code frame shows
 * the secret's line.
 */
export function projectWithPlantedSecrets(): string {
  return copyProject({
    'config/staging.yaml': (text) =>
      text
        .replace('apiKey: { fromStackConfig: terraApiKey }', `apiKey: ${PLANTED.apiKey}\n  tpyo: true`)
        .replace('signingSecret: { fromStackConfig: terraWebhookSigningSecret }', `signingSecret: "${PLANTED.signingSecret}"`),
    'Pulumi.staging.yaml': (text) => text.replace(/terra-iac:virtuagymApiKey:\n\s+secure: \S+/, `terra-iac:virtuagymApiKey: ${PLANTED.stackPlain}`),
  });
}

export function secretsIn(output: string): string[] {
  return Object.values(PLANTED).filter((secret) => output.includes(secret));
}
