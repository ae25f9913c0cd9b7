import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deferModule } from '../../src/infra/plan/defer-unused-pulumi-modules';

const dir = mkdtempSync(join(tmpdir(), 'terra-iac-defer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const nodeRequire = createRequire(join(dir, 'index.js'));

/** A package in dir/node_modules whose every load is counted in a global. */
function fixture(name: string, body: string): string {
  mkdirSync(join(dir, 'node_modules', name), { recursive: true });
  const file = join(dir, 'node_modules', name, 'index.js');
  writeFileSync(file, `globalThis.__loads = globalThis.__loads || {}; globalThis.__loads[${JSON.stringify(name)}] = (globalThis.__loads[${JSON.stringify(name)}] || 0) + 1;\n${body}`);
  return file;
}
const loads = (name: string): number => ((globalThis as { __loads?: Record<string, number> }).__loads ?? {})[name] ?? 0;

// What `tsc` emits for `import * as x` and `import x from` in CommonJS (Pulumi's compiled JS uses both).
const importStar = (mod: Record<string, unknown>): Record<string, unknown> => {
  if (mod && mod.__esModule) return mod;
  const result: Record<string, unknown> = {};
  for (const k in mod) if (Object.prototype.hasOwnProperty.call(mod, k)) result[k] = mod[k];
  result.default = mod;
  return result;
};
const importDefault = (mod: Record<string, unknown>): { default: unknown } => (mod && mod.__esModule ? (mod as { default: unknown }) : { default: mod });

describe('deferModule: a module that loads on first use', () => {
  it('is not loaded by require or by the import helpers, and gives the real values once used', () => {
    fixture('object-lib', 'exports.answer = 42; exports.twice = (n) => 2 * n; exports.SyntaxKind = { Identifier: 80 };');
    deferModule('object-lib', dir);
    const star = importStar(nodeRequire('object-lib') as Record<string, unknown>);
    expect(loads('object-lib')).toBe(0);
    expect(star.answer).toBe(42);
    expect(loads('object-lib')).toBe(1);
    expect((star.twice as (n: number) => number)(21)).toBe(42);
    expect(star.SyntaxKind).toEqual({ Identifier: 80 });
    expect(Object.keys(star).sort()).toEqual(['SyntaxKind', 'answer', 'twice']);
    expect('twice' in star).toBe(true);
    // Later requires get the real module, loaded once.
    expect(nodeRequire('object-lib')).toMatchObject({ answer: 42 });
    expect(loads('object-lib')).toBe(1);
  });

  it('stands in for a module that exports a function or a class (called, constructed, or through default)', () => {
    fixture('function-lib', 'module.exports = function normalize(data) { data.normalized = true; return data; };');
    fixture('class-lib', 'class Arborist { constructor(o) { this.path = o.path; } } module.exports = Arborist; module.exports.Arborist = Arborist;');
    deferModule('function-lib', dir);
    deferModule('class-lib', dir);
    const fn = nodeRequire('function-lib') as (d: object) => { normalized: boolean };
    const viaDefault = importDefault(nodeRequire('function-lib') as Record<string, unknown>);
    const cls = importStar(nodeRequire('class-lib') as Record<string, unknown>);
    expect(loads('function-lib') + loads('class-lib')).toBe(0);
    expect((viaDefault.default as typeof fn)({}).normalized).toBe(true);
    expect(fn({}).normalized).toBe(true);
    const Arborist = cls.Arborist as new (o: { path: string }) => { path: string };
    expect(new Arborist({ path: '/x' }).path).toBe('/x');
    const Direct = nodeRequire('class-lib') as typeof Arborist;
    expect(new Direct({ path: '/y' }).path).toBe('/y');
    expect([loads('function-lib'), loads('class-lib')]).toEqual([1, 1]);
  });

  it('leaves alone a module already loaded, and one that does not resolve', () => {
    fixture('loaded-lib', 'exports.value = "real";');
    const real = nodeRequire('loaded-lib');
    deferModule('loaded-lib', dir);
    expect(nodeRequire('loaded-lib')).toBe(real);
    expect(() => deferModule('no-such-lib', dir)).not.toThrow();
  });
});
