import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/formatters/github';
import type { Diagnostic } from '../../src/core/diagnostic';
import { DIAGNOSTICS, SOURCE_CANARY, context, expectNoSecrets } from './fixtures';

describe('github formatter', () => {
  const output = formatGithub(DIAGNOSTICS, context());
  const lines = output.trimEnd().split('\n');

  it('writes one workflow command per diagnostic, notice for info', () => {
    expect(lines).toHaveLength(DIAGNOSTICS.length);
    expect(lines[1]).toBe(
      '::error file=config/staging.yaml,line=6,col=3,endLine=6,endColumn=9,title=schema-unknown-key::unknown key `colour` in `terra`%0Ahint: allowed keys: `devId`, `apiBaseUrl`, `apiKey`',
    );
    expect(lines[2]).toMatch(/^::warning file=config\/staging\.yaml,line=8,col=8,endLine=8,endColumn=34,title=webhook-shared-url::/);
    expect(lines[4]).toMatch(/^::notice file=config\/staging\.yaml,line=13,col=1,/);
  });

  it('leaves endColumn out of multi-line annotations', () => {
    expect(lines[3]).toBe('::error file=config/staging.yaml,line=10,col=8,endLine=13,title=secret-literal::a secret-shaped literal in a plain value');
  });

  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
  });

  it('keeps an injected command inside the annotation it came from', () => {
    const injected: Diagnostic = {
      ...DIAGNOSTICS[1]!,
      file: 'config/x,title=pwn:y.yaml',
      message: 'unknown key `a`\n::add-mask::x\n::error file=evil::boom',
    };
    const out = formatGithub([injected], context());
    expect(out.split('\n').filter(Boolean)).toHaveLength(1);
    expect(out).toContain('file=config/x%2Ctitle=pwn%3Ay.yaml,');
    expect(out).toContain('::unknown key `a`%0A::add-mask::x%0A::error file=evil::boom');
  });

  it('prints no secret and no source text', () => {
    expectNoSecrets(output);
    expect(output).not.toContain(SOURCE_CANARY);
  });
});
