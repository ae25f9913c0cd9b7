/**
 * An RFC 9457 (formerly RFC 7807) problem document as Terra's admin API sends it on every 4xx/5xx
 * (admin-api.yaml `Problem` = `schemas-Problem` + `ProblemExtensions`): `type`, `title`, `instance`,
 * `detail`, plus the stable `code` ("branch on this, not on prose"), `remediation` and `errors[]`
 * ("field: message"). There is no `status` member: the status line is authoritative. Every text is
 * already sanitized for a terminal and redacted.
 */
export interface Problem {
  type?: string;
  title?: string;
  detail?: string;
  instance?: string;
  code?: string;
  remediation?: string;
  errors: string[];
}
