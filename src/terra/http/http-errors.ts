import { TerraCallError } from './terra-call-error';

/**
 * The HTTP core's own failures, as TerraCallErrors of their kind (see TerraCallError on why these are
 * factories, not subclasses).
 */

/**
 * A redirect to another origin. Not followed, so no credential (`x-api-key`, `dev-id`, `Authorization`, a
 * webhook signature) reaches that host: fetch's own redirect handling strips only `Authorization` on a
 * cross-origin hop (WHATWG Fetch, "HTTP-redirect fetch"), and every other header would travel along.
 */
export function crossOriginRedirect(operation: string, status: number, targetHost: string, configuredHost: string): TerraCallError {
  return new TerraCallError({
    operation,
    kind: 'redirect',
    status,
    targetHost,
    message: `${operation} was redirected (HTTP ${status}) to another host, ${targetHost}; terra-iac only talks to the configured ${configuredHost}, so the redirect was not followed and no credential was sent there`,
    hint: `if the service really moved, point the base URL at ${targetHost} yourself`,
  });
}

/** More same-origin redirects in a row than any real answer needs: a loop. */
export function tooManyRedirects(operation: string, status: number, limit: number): TerraCallError {
  return new TerraCallError({ operation, kind: 'redirect', status, message: `${operation} was redirected more than ${limit} times (a redirect loop?)` });
}

/** A body past the cap of its call. Only the cap was read before the body was cancelled; never retried. */
export function responseTooLarge(operation: string, status: number, limitBytes: number): TerraCallError {
  return new TerraCallError({
    operation,
    kind: 'too-large',
    status,
    limitBytes,
    message: `${operation} answered with a response larger than ${limitBytes} bytes; terra-iac stopped reading it`,
  });
}

/** Something wrong with the request itself, found before anything was sent: repeating it cannot help. */
export function localRequestError(operation: string, reason: string, hint?: string): TerraCallError {
  return new TerraCallError({ operation, kind: 'local', message: `${operation} was not sent: ${reason}`, ...(hint === undefined ? {} : { hint }) });
}
