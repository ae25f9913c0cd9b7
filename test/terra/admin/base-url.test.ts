import { describe, expect, it } from 'vitest';
import { resolveAdminBaseUrl } from '../../../src/terra/admin/admin-base-url';

describe('resolveAdminBaseUrl', () => {
  it('takes the flag, then TERRA_ADMIN_BASE_URL, then terra.admin.baseUrl', () => {
    expect(resolveAdminBaseUrl('https://flag.example/api/v3/admin', 'https://env.example', 'https://config.example')).toEqual({ url: 'https://flag.example/api/v3/admin', source: '--admin-base-url' });
    expect(resolveAdminBaseUrl(undefined, 'https://env.example/api/v3/admin', 'https://config.example')).toEqual({ url: 'https://env.example/api/v3/admin', source: 'TERRA_ADMIN_BASE_URL' });
    expect(resolveAdminBaseUrl('', ' ', 'https://config.example/api/v3/admin/')).toEqual({ url: 'https://config.example/api/v3/admin', source: 'terra.admin.baseUrl' });
  });

  it('adds the spec\'s /api/v3/admin to a bare origin and keeps any other path', () => {
    expect(resolveAdminBaseUrl('https://admin.example', undefined, undefined).url).toBe('https://admin.example/api/v3/admin');
    expect(resolveAdminBaseUrl('http://127.0.0.1:8080/', undefined, undefined).url).toBe('http://127.0.0.1:8080/api/v3/admin');
    expect(resolveAdminBaseUrl('https://proxy.example/terra/admin', undefined, undefined).url).toBe('https://proxy.example/terra/admin');
  });

  it('has no default host: none given is a configuration error with a hint', () => {
    const run = () => resolveAdminBaseUrl(undefined, undefined, undefined);
    expect(run).toThrow("no admin API base URL: Terra's published spec gives only the relative /api/v3/admin, so terra-iac has no default host");
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ reason: 'base-url-missing', exitKind: 'config' });
      expect((error as { hint: string }).hint).toBe('pass --admin-base-url https://<host>/api/v3/admin, set TERRA_ADMIN_BASE_URL, or set terra.admin.baseUrl in the environment file');
    }
  });

  it('refuses unusable URLs, naming where they came from and never repeating a password', () => {
    expect(() => resolveAdminBaseUrl('not a url', undefined, undefined)).toThrow('the admin API base URL from --admin-base-url is unusable: the URL is not a valid absolute URL');
    expect(() => resolveAdminBaseUrl(undefined, 'ftp://x.example', undefined)).toThrow('uses ftp, but only https');
    let message = '';
    try {
      resolveAdminBaseUrl(undefined, undefined, 'https://ops:Secret-Pw1@admin.example');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('from terra.admin.baseUrl is unusable: the URL https://…@admin.example carries a user name or password');
    expect(message).not.toContain('Secret-Pw1');
    expect(() => resolveAdminBaseUrl('https://admin.example/api/v3/admin?token=x', undefined, undefined)).toThrow('has a query or fragment');
  });
});
