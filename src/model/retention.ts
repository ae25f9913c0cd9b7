/**
 * Days a deleted secret stays restorable: the declared value, else 30 in production (the AWS maximum) and
 * 7 elsewhere (the minimum), so a mistaken `pulumi destroy` in production can be undone for a month.
 */
export function recoveryWindowInDays(tier: string | undefined, declared: number | undefined): number {
  return declared ?? (tier === 'production' ? 30 : 7);
}

/** Waiting period before a KMS key created here is deleted: the maximum, as every secret depends on it. */
export const KMS_KEY_DELETION_WINDOW_DAYS = 30;
