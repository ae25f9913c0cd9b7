import { describe, expect, it } from 'vitest';
import { parseProblem, problemError, problemSummary } from '../../../src/terra/http/problem';
import { REDACTED, createRedactor } from '../../../src/terra/http/redact';
import { TerraCallError } from '../../../src/terra/http/terra-call-error';

const SECRET = 'problem-secret-Qw19';
const redact = createRedactor([SECRET]);

describe('parseProblem (RFC 9457 problem+json with the admin API extensions)', () => {
  it('keeps type, title, detail, instance, code, remediation and errors[]', () => {
    const body = JSON.stringify({
      type: 'about:blank',
      title: 'bad request',
      detail: 'approved scope was not requested',
      instance: '/api/v3/admin/environments/dev-x/unified-api/sources/garmin',
      code: 'validation_failed',
      remediation: 'Send at least one scope.',
      errors: ['scopes: at least one required', 42, ''],
    });
    expect(parseProblem(body, redact)).toEqual({
      type: 'about:blank',
      title: 'bad request',
      detail: 'approved scope was not requested',
      instance: '/api/v3/admin/environments/dev-x/unified-api/sources/garmin',
      code: 'validation_failed',
      remediation: 'Send at least one scope.',
      errors: ['scopes: at least one required'],
    });
  });

  it('redacts echoed secrets and flattens terminal control sequences in every member', () => {
    const problem = parseProblem(JSON.stringify({ title: 'unauthorized', detail: `bad token ${SECRET}\x1b[2J`, code: 'unauthorized', errors: [`token: ${SECRET}`] }), redact)!;
    expect(problem.detail).toBe(`bad token ${REDACTED} [2J`);
    expect(problem.errors).toEqual([`token: ${REDACTED}`]);
    expect(JSON.stringify(problem)).not.toContain(SECRET);
  });

  it('bounds the number of field errors', () => {
    const errors = Array.from({ length: 50 }, (_, i) => `field${i}: wrong`);
    expect(parseProblem(JSON.stringify({ code: 'validation_failed', errors }), redact)!.errors).toHaveLength(20);
  });

  it('is undefined for bodies that are not problems', () => {
    for (const body of ['', 'not json', '[1]', '"text"', '{"data":[]}']) expect(parseProblem(body, redact)).toBeUndefined();
  });

  it('becomes a TerraCallError that keeps the members for branching', () => {
    const problem = parseProblem(JSON.stringify({ title: 'forbidden', detail: 'token is missing the required scope: providers:write', code: 'scope_missing', remediation: 'Request a new token.' }), redact)!;
    const error = problemError('PUT /x', 403, problem);
    expect(error).toBeInstanceOf(TerraCallError);
    expect(error).toMatchObject({ kind: 'http', status: 403, code: 'scope_missing', hint: 'Request a new token.' });
    expect(error.message).toBe('PUT /x answered HTTP 403 scope_missing: forbidden: token is missing the required scope: providers:write');
    expect(problemSummary({ title: 'not found', detail: 'dev-id not found', errors: [] })).toBe('dev-id not found');
  });
});
