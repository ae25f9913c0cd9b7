import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, layerViolations, readImportGraph, unitEdges, unitOf } from './import-graph';

const SRC = join(__dirname, '../../src');

describe('architecture of src/', () => {
  const { files, edges } = readImportGraph(SRC);

  it('reads the imports of every source file', () => {
    expect(files.length).toBeGreaterThan(150);
    expect(edges.length).toBeGreaterThan(400);
    // A lazy import() is an import too: cli/command-table.ts loads its commands that way.
    expect(edges.some((e) => e.from === 'cli/command-table.ts' && e.to.startsWith('cli/commands/'))).toBe(true);
  });

  it('imports only downwards: each folder from the layers below it', () => {
    expect(layerViolations(edges)).toEqual([]);
  });

  it('has no folder cycle', () => {
    const units = [...new Set(files.map(unitOf))];
    expect(cycles(units, unitEdges(edges))).toEqual([]);
  });

  it('has no file cycle', () => {
    expect(cycles(files, edges)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('report an upward import and the folder cycle it makes', () => {
    const edges = [
      { from: 'validate/load-project.ts', to: 'rules/index.ts' },
      { from: 'rules/index.ts', to: 'validate/locate.ts' },
    ];
    expect(layerViolations(edges)).toEqual(['validate/load-project.ts -> rules/index.ts: validate (layer 4) may not import rules (layer 5)']);
    expect(cycles(['validate', 'rules'], unitEdges(edges))).toEqual([['rules', 'validate']]);
  });

  it('report a file cycle and a folder no layer lists', () => {
    const edges = [
      { from: 'report/diff/a.ts', to: 'report/diff/b.ts' },
      { from: 'report/diff/b.ts', to: 'report/diff/a.ts' },
      { from: 'cli/main.ts', to: 'newfolder/x.ts' },
    ];
    expect(cycles(['report/diff/a.ts', 'report/diff/b.ts', 'cli/main.ts', 'newfolder/x.ts'], edges)).toEqual([['report/diff/a.ts', 'report/diff/b.ts']]);
    expect(layerViolations(edges)).toEqual(['cli/main.ts -> newfolder/x.ts: newfolder is in no layer of LAYERS']);
  });
});
