/**
 * Caps on how much of one answer terra-iac reads (decoded bytes: fetch inflates gzip, so a small
 * compressed body cannot expand past them). Each is far above the largest real answer of its call and
 * far below what would hurt the process; past it the body is cancelled and the call fails, unretried.
 */
const KIB = 1024;
const MIB = 1024 * KIB;

export const BODY_LIMITS = {
  /**
   * `GET /integrations` and `/integrations/detailed`: Terra's provider catalogue, ~100 entries of a few
   * hundred bytes (data-api-v2.yaml `Integrations`), so tens of KB.
   */
  dataCatalog: 1 * MIB,
  /**
   * `GET /subscriptions?page=0&per_page=1`: one user when paginated, but a server without pagination answers
   * every user "in one go" (terra-api@2.1.0 reference.md, `user.getalluserids`), ~250 bytes per `TerraUser`:
   * 32 MiB holds about 130,000 users, so production dev-ids still fit.
   */
  dataUsers: 32 * MIB,
  /** `POST /auth/generateWidgetSession`: `{session_id, url, status, expires_in}`, well under 1 KB. */
  dataWidgetSession: 64 * KIB,
  /**
   * A webhook receiver's answer to a delivery: Terra reads only its status, and a correct receiver acks
   * with an empty or tiny body, so anything large is not a webhook receiver.
   */
  webhookAnswer: 64 * KIB,
  /**
   * Admin API answers: the biggest are list pages (`listWebhookEvents` records of ~300 bytes; `listSources`
   * ~100 providers) and `getEnvironment` with an inline `widget_config` document, all well under 1 MiB.
   */
  adminApi: 4 * MIB,
} as const;
