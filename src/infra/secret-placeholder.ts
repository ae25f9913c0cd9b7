/** Stands in for secret values `terra-iac plan` could not read; it is a Pulumi secret like a real value. */
export const PLACEHOLDER_SECRET = 'terra-iac-plan-placeholder';
