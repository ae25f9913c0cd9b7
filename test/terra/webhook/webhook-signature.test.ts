import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyTerraWebhookSignature } from 'terra-api';
import { computeSignature, parseSignatureHeader, readSignatureHeader, sign, verify } from '../../../src/terra/webhook/webhook-signature';

// Official test vector: terra-client-js v1.4.8 src/__tests__/helpers.test.ts (FACTS 2.1).
const VECTOR = {
  secret: '66142e0c2960f788b19830807d4aa25cfd27a610ec65fd36',
  header: 't=1669742999,v1=c885ce58891b69ab5b6c8fc7536544f4f515f2e22ec811152849295b3d995c93',
  body: '{"user": {"last_webhook_update": null, "provider": "FITBIT", "user_id": "d81ea08d-ad4d-44bd-8394-ee4b68a3f96f", "scopes": null}, "type": "deauth", "status": "success", "message": "User has deauthenticated", "version": "2022-03-16"}',
  t: 1669742999,
};
const near = { now: VECTOR.t + 10 };

describe('verify with the official test vector', () => {
  it('accepts the vector under terra-signature', () => {
    expect(verify({ 'terra-signature': VECTOR.header }, VECTOR.body, VECTOR.secret, near)).toEqual({ valid: true, timestamp: VECTOR.t });
  });

  it('accepts it under x-terra-signature and under any header case', () => {
    for (const name of ['x-terra-signature', 'X-Terra-Signature', 'Terra-Signature', 'TERRA-SIGNATURE']) {
      expect(verify({ [name]: VECTOR.header }, VECTOR.body, VECTOR.secret, near).valid, name).toBe(true);
    }
    expect(verify(new Headers({ 'X-Terra-Signature': VECTOR.header }), VECTOR.body, VECTOR.secret, near).valid).toBe(true);
  });

  it('agrees with the official SDK verifier on the vector', async () => {
    // terra-api's verifier has no `now`; a tolerance reaching back to the vector's date stands in for it.
    const tolerance = Math.ceil(Date.now() / 1000) - VECTOR.t + 60;
    await expect(verifyTerraWebhookSignature(VECTOR.body, VECTOR.header, VECTOR.secret, { tolerance })).resolves.toBeTruthy();
    expect(computeSignature(VECTOR.secret, VECTOR.body, VECTOR.t)).toBe(VECTOR.header.split('v1=')[1]);
  });

  it('accepts a Buffer body with the same bytes', () => {
    expect(verify({ 'terra-signature': VECTOR.header }, Buffer.from(VECTOR.body), VECTOR.secret, near).valid).toBe(true);
  });
});

describe('verify refuses', () => {
  it('the vector with a different secret, body or timestamp', () => {
    expect(verify({ 'terra-signature': VECTOR.header }, VECTOR.body, `${VECTOR.secret}x`, near)).toEqual({ valid: false, reason: 'mismatch' });
    // Re-serialised JSON is a different body: verification must use the raw bytes.
    const reformatted = JSON.stringify(JSON.parse(VECTOR.body));
    expect(verify({ 'terra-signature': VECTOR.header }, reformatted, VECTOR.secret, near)).toEqual({ valid: false, reason: 'mismatch' });
    const shifted = VECTOR.header.replace(`t=${VECTOR.t}`, `t=${VECTOR.t + 1}`);
    expect(verify({ 'terra-signature': shifted }, VECTOR.body, VECTOR.secret, near)).toEqual({ valid: false, reason: 'mismatch' });
  });

  it('timestamps more than 300 s away in either direction, and accepts the boundary', () => {
    const header = { 'terra-signature': VECTOR.header };
    expect(verify(header, VECTOR.body, VECTOR.secret, { now: VECTOR.t + 300 }).valid).toBe(true);
    expect(verify(header, VECTOR.body, VECTOR.secret, { now: VECTOR.t - 300 }).valid).toBe(true);
    expect(verify(header, VECTOR.body, VECTOR.secret, { now: VECTOR.t + 301 })).toEqual({ valid: false, reason: 'timestamp-out-of-tolerance' });
    expect(verify(header, VECTOR.body, VECTOR.secret, { now: VECTOR.t - 301 })).toEqual({ valid: false, reason: 'timestamp-out-of-tolerance' });
    expect(verify(header, VECTOR.body, VECTOR.secret, { now: VECTOR.t + 1000, tolerance: 1000 }).valid).toBe(true);
  });

  it('missing, malformed and v1-less headers', () => {
    expect(verify({}, VECTOR.body, VECTOR.secret, near)).toEqual({ valid: false, reason: 'missing-header' });
    expect(verify({ 'terra-signature': 'garbage' }, VECTOR.body, VECTOR.secret, near)).toEqual({ valid: false, reason: 'malformed-header' });
    expect(verify({ 'terra-signature': `t=${VECTOR.t}` }, VECTOR.body, VECTOR.secret, near)).toEqual({ valid: false, reason: 'no-v1-signature' });
    expect(verify({ 'terra-signature': 'v1=abc,t=notanumber' }, VECTOR.body, VECTOR.secret, near)).toEqual({ valid: false, reason: 'malformed-header' });
  });

  it('a valid digest offered only under another scheme (downgrade attempt)', () => {
    const digest = VECTOR.header.split('v1=')[1];
    const header = { 'terra-signature': `t=${VECTOR.t},v0=${digest}` };
    expect(verify(header, VECTOR.body, VECTOR.secret, near)).toEqual({ valid: false, reason: 'no-v1-signature' });
  });

  it('a truncated or wrong-length digest without throwing', () => {
    const header = { 'terra-signature': `t=${VECTOR.t},v1=c885ce` };
    expect(verify(header, VECTOR.body, VECTOR.secret, near)).toEqual({ valid: false, reason: 'mismatch' });
  });
});

describe('multiple signatures', () => {
  it('accepts when any v1 matches (secret rotation sends two)', () => {
    const digest = VECTOR.header.split('v1=')[1];
    const header = { 'terra-signature': `t=${VECTOR.t}, v1=${'0'.repeat(64)}, v1=${digest}, v0=ignored` };
    expect(verify(header, VECTOR.body, VECTOR.secret, near).valid).toBe(true);
  });

  it('parses every v1 and ignores unknown schemes', () => {
    expect(parseSignatureHeader('t=5,v1=aa,v0=bb,v1=cc,x=1')).toEqual({ timestamp: 5, v1: ['aa', 'cc'] });
  });
});

describe('sign', () => {
  it('produces the header the verifier accepts, with HMAC-SHA256 over "<t>.<body>"', () => {
    const header = sign('s3cret', '{"a":1}', 1_700_000_000);
    const expected = createHmac('sha256', 's3cret').update('1700000000.{"a":1}').digest('hex');
    expect(header).toBe(`t=1700000000,v1=${expected}`);
    expect(verify({ 'terra-signature': header }, '{"a":1}', 's3cret', { now: 1_700_000_100 }).valid).toBe(true);
  });

  it('reproduces the official vector from its parts', () => {
    expect(sign(VECTOR.secret, VECTOR.body, VECTOR.t)).toBe(VECTOR.header);
  });

  it('defaults t to now', () => {
    const t = Number(/^t=(\d+),/.exec(sign('k', 'b'))![1]);
    expect(Math.abs(t - Date.now() / 1000)).toBeLessThan(5);
  });
});

describe('readSignatureHeader', () => {
  it('prefers terra-signature, falls back to x-terra-signature, reads arrays', () => {
    expect(readSignatureHeader({ 'x-terra-signature': 'b', 'terra-signature': 'a' })).toBe('a');
    expect(readSignatureHeader({ 'X-TERRA-SIGNATURE': ['b', 'c'] })).toBe('b');
    expect(readSignatureHeader({ other: 'x' })).toBeUndefined();
  });
});
