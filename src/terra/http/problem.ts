import type { Problem } from './problem-document';
import type { Redactor } from './redact';
import { sanitizeRemoteText } from './redact';
import { TerraCallError } from './terra-call-error';

export type { Problem } from './problem-document';

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
