import { SOURCES } from './sources';

/** The three kinds of Terra environment; every dev-id belongs to exactly one. */
export const TIERS = ['testing', 'staging', 'production'] as const;
export type Tier = (typeof TIERS)[number];

/**
 * Users a dev-id may connect. Current docs say 50 for testing and staging, unlimited in production;
 * older docs said 10, so the smoke test reads the real count rather than trusting either number.
 */
export const USER_LIMITS: Record<Tier, number | null> = {
  testing: 50,
  staging: 50,
  production: null,
};
export const USER_LIMIT_SOURCE = SOURCES.environments;

/** Fraction of the user limit from which the quota check warns. */
export const USER_QUOTA_WARN_RATIO = 0.8;
