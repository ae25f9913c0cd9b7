import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { AdminError } from '../../../src/terra/admin/admin-error';
import { crossOriginRedirect, localRequestError, responseTooLarge, tooManyRedirects } from '../../../src/terra/http/http-errors';
import { problemError } from '../../../src/terra/http/problem';
import { TerraCallError } from '../../../src/terra/http/terra-call-error';

/**
 * The smoke test (and later Terra's own resources) run inside Pulumi's serialized dynamic provider, whose
 * closure serializer rewrites classes: it drops field initializers, loses what Error's constructor sets,
 * and drops the prototype of a subclass without methods (pulumi/pulumi#10974). The errors must survive.
 */
describe('the typed errors survive Pulumi closure serialization', () => {
  it('keep their message, kind, fields, methods and instanceof in the serialized copy', async () => {
    const build = () => {
      const errors = [
        crossOriginRedirect('GET /a', 302, 'other.example:8443', 'api.tryterra.co'),
        tooManyRedirects('GET /b', 301, 5),
        responseTooLarge('GET /c', 200, 1024),
        localRequestError('GET /d', 'the API key contains a line break'),
        problemError('PUT /e', 403, { code: 'scope_missing', detail: 'missing providers:write', errors: [] }, { exitKind: 'auth' }),
        new TerraCallError({ operation: 'GET /f', kind: 'http', status: 503, message: 'GET /f answered HTTP 503' }),
      ];
      const admin = new AdminError('token-missing', 'TERRA_ADMIN_TOKEN is not set', 'auth', 'export it');
      return {
        calls: errors.map((e) => ({
          isCallError: e instanceof TerraCallError,
          isError: e instanceof Error,
          message: e.message,
          kind: e.kind,
          status: e.status,
          code: e.code,
          targetHost: e.targetHost,
          limitBytes: e.limitBytes,
          retryable: e.retryable,
          attempts: e.attempts,
          exitKind: e.exitKind,
          described: e.describe(),
        })),
        admin: { isAdminError: admin instanceof AdminError, message: admin.message, reason: admin.reason, described: admin.describe() },
      };
    };
    const direct = build();
    const serialized = await pulumi.runtime.serializeFunction(build);
    const copy = (require('require-from-string') as (code: string) => { handler: () => unknown })(serialized.text).handler();
    expect(copy).toEqual(direct);
    expect(direct.calls.every((c) => c.isCallError && c.isError && c.message.length > 0 && c.attempts === 1)).toBe(true);
    expect(direct.calls.map((c) => c.retryable)).toEqual([false, false, false, false, false, true]);
    expect(direct.admin).toEqual({ isAdminError: true, message: 'TERRA_ADMIN_TOKEN is not set', reason: 'token-missing', described: 'TERRA_ADMIN_TOKEN is not set; export it' });
  });
});
