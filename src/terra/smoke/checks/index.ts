import type { SmokeCheck } from '../smoke-context';
import { apiReachable } from './api-reachable';
import { credentialsValid } from './credentials-valid';
import { providersEnabled } from './providers-enabled';
import { providersKnown } from './providers-known';
import { recentDeliveries } from './recent-deliveries';
import { usersQuota } from './users-quota';
import { webhookDelivery } from './webhook-delivery';
import { webhookRejectsForged } from './webhook-rejects-forged';
import { widgetSession } from './widget-session';

/** Every smoke check, in report order (the order of CHECK_IDS; a test keeps the two in step). */
export const CHECKS: readonly SmokeCheck[] = [
  apiReachable,
  credentialsValid,
  providersKnown,
  providersEnabled,
  widgetSession,
  usersQuota,
  webhookDelivery,
  webhookRejectsForged,
  recentDeliveries,
];

