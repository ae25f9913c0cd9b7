import type { Redactor } from './redact';
import { sanitizeRemoteText } from './redact';
import { TerraCallError } from './terra-call-error';

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

/** More field errors than anyone reads are cut, so a hostile body cannot flood the terminal. */
const MAX_FIELD_ERRORS = 20;

/**
 * The problem in a response body, or undefined when the body is not one (not JSON, not an object, or
 * neither `code` nor `title`/`detail`). `application/problem+json` is preferred but not required: a proxy
 * may relabel the type, and the members say what the body is.
 */
export function parseProblem(bodyText: string, redact: Redactor): Problem | undefined {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const text = (key: string, max?: number): string | undefined => {
    const value = record[key];
    if (typeof value !== 'string' || !value.trim()) return undefined;
    return sanitizeRemoteText(redact(value), max) || undefined;
  };
  const problem: Problem = {
    type: text('type'),
    title: text('title'),
    detail: text('detail'),
    instance: text('instance'),
    code: text('code', 64),
    remediation: text('remediation'),
    errors: Array.isArray(record.errors)
      ? record.errors
          .filter((item): item is string => typeof item === 'string' && item.trim() !== '')
          .slice(0, MAX_FIELD_ERRORS)
          .map((item) => sanitizeRemoteText(redact(item)))
      : [],
  };
  if (!problem.code && !problem.title && !problem.detail) return undefined;
  return problem;
}

/** `title: detail`, or whichever of the two there is, without repeating a title the detail contains. */
export function problemSummary(problem: Problem): string | undefined {
  const { title, detail } = problem;
  if (detail && title) return detail.toLowerCase().includes(title.toLowerCase()) ? detail : `${title}: ${detail}`;
  return detail ?? title;
}

/** A non-2xx answer that carried a problem document, with the document's members kept for branching. */
export function problemError(
  operation: string,
  status: number,
  problem: Problem,
  init: { retryAfterMs?: number; message?: string; hint?: string; exitKind?: TerraCallError['exitKind'] } = {},
): TerraCallError {
  const summary = problemSummary(problem);
  const code = problem.code ? ` ${problem.code}` : '';
  return new TerraCallError({
    operation,
    kind: 'http',
    status,
    detail: summary,
    problem,
    retryAfterMs: init.retryAfterMs,
    message: init.message ?? `${operation} answered HTTP ${status}${code}${summary ? `: ${summary}` : ''}`,
    hint: init.hint ?? problem.remediation,
    exitKind: init.exitKind,
  });
}
