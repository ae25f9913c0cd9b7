import { SOURCES } from './sources';

/** Every `type` Terra sends to a destination (SDK 2.1.0 WebhookEventType union plus 2026 additions). */
export const WEBHOOK_EVENT_TYPES = [
  'auth',
  'auth_cancelled',
  'deauth',
  'user_reauth',
  'access_revoked',
  'connection_error',
  'permission_change',
  'google_no_datasource',
  'processing',
  'large_request_processing',
  'large_request_sending',
  'rate_limit_hit',
  'healthcheck',
  's3_payload',
  'activity',
  'athlete',
  'body',
  'daily',
  'menstruation',
  'nutrition',
  'sleep',
  'planned_workout',
  'hormone',
  'lab_report',
  'route',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Types only seen in 2026 material; accepted, but flagged as unconfirmed. */
export const UNCONFIRMED_EVENT_TYPES: readonly WebhookEventType[] = ['planned_workout', 'hormone', 'lab_report', 'route'];
export const EVENT_TYPES_SOURCE = SOURCES.eventTypes;

/** The data types a provider can deliver (IntegrationProvider.types in the data API). */
export const DATA_TYPES = ['activity', 'body', 'daily', 'sleep', 'nutrition', 'menstruation'] as const;
export type DataType = (typeof DATA_TYPES)[number];
