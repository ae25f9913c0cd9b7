import { SOURCES } from './sources';

/**
 * Terra serves the data API from two hosts: the one terra-api@2.1.0 uses, and the one the 2026
 * OpenAPI names. Older dev-ids may only work against the first (dedicated-keys page, Strava note).
 */
export const TERRA_API_BASE_URLS = {
  legacy: 'https://api.tryterra.co/v2',
  current: 'https://access.tryterra.co/api/v2',
} as const;
export const DEFAULT_TERRA_API_BASE_URL = TERRA_API_BASE_URLS.legacy;
export const TERRA_API_HOSTS_SOURCE = `${SOURCES.usingTheApi}; ${SOURCES.openapiV2}`;

/** Hosts that only forward to a developer's laptop; Terra's going-live checklist warns against them. */
export const TUNNEL_HOST_SUFFIXES = [
  'ngrok.io',
  'ngrok-free.app',
  'ngrok.app',
  'ngrok.dev',
  'trycloudflare.com',
  'loca.lt',
  'localtunnel.me',
  'serveo.net',
  'localhost.run',
  'lhr.life',
  'pagekite.me',
  'telebit.io',
  'tunnelmole.net',
  'devtunnels.ms',
  'webhook.site',
  'requestbin.com',
  'pipedream.net',
  'smee.io',
] as const;
export const TUNNEL_SOURCE = SOURCES.terraCliGoingLive;
