import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The layers of src/, bottom to top (../../src/project.ts and index.ts are files at the root). */
export const LAYERS: readonly (readonly string[])[] = [
  ['core'],
  ['catalog', 'generated'],
  ['model'],
  ['load'],
  ['validate'],
  ['rules'],
  ['project.ts'],
  ['formatters'],
  ['terra'],
  ['infra'],
  ['report'],
  ['docs'],
  ['cli'],
  ['index.ts'],
];

export interface ImportEdge {
  from: string;
  to: string;
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]+)\1/gm;
const CANDIDATES = ['', '.ts', '.js', '/index.ts', '/index.js'];

/** Every relative import (static, dynamic, require, type-only) between files of `srcDir`, as src-relative paths. */
export function readImportGraph(srcDir: string): { files: string[]; edges: ImportEdge[] } {
  const files = listSources(srcDir);
  const known = new Set(files);
  const edges: ImportEdge[] = [];
  for (const file of files) {
    const text = readFileSync(join(srcDir, file), 'utf8');
    for (const match of text.matchAll(SPECIFIER)) {
      const base = relative(srcDir, resolve(srcDir, dirname(file), match[2]!));
      // `import('./x.js')` names x.ts, as TypeScript resolves it (a dynamic import needs the extension).
      const bases = base.endsWith('.js') ? [base, base.slice(0, -3)] : [base];
      const to = bases.flatMap((b) => CANDIDATES.map((ext) => b + ext)).find((candidate) => known.has(candidate));
      if (to && to !== file) edges.push({ from: file, to });
    }
  }
  return { files, edges };
}

function listSources(srcDir: string, dir = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(srcDir, dir), { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listSources(srcDir, path));
    else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

/** A file's layer unit: its top folder under src/, or the file itself at the root. */
export function unitOf(file: string): string {
  const slash = file.indexOf('/');
  return slash === -1 ? file : file.slice(0, slash);
}

export function layerOf(unit: string): number {
  return LAYERS.findIndex((layer) => layer.includes(unit));
}

/** Imports that point to a higher layer, a sibling in the same layer, or a unit no layer lists. */
export function layerViolations(edges: readonly ImportEdge[]): string[] {
  const out: string[] = [];
  for (const { from, to } of edges) {
    const a = unitOf(from);
    const b = unitOf(to);
    if (a === b) continue;
    const la = layerOf(a);
    const lb = layerOf(b);
    if (la === -1 || lb === -1) out.push(`${from} -> ${to}: ${la === -1 ? a : b} is in no layer of LAYERS`);
    else if (lb >= la) out.push(`${from} -> ${to}: ${a} (layer ${la}) may not import ${b} (layer ${lb})`);
  }
  return out;
}

/** Strongly connected components with more than one node (Tarjan): each is an import cycle. */
export function cycles(nodes: readonly string[], edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>(nodes.map((n) => [n, []]));
  for (const { from, to } of edges) if (from !== to) next.get(from)?.push(to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return found;
}

/** The folder-level graph: one edge per pair of distinct units that import each other's files. */
export function unitEdges(edges: readonly ImportEdge[]): ImportEdge[] {
  const seen = new Set<string>();
  const out: ImportEdge[] = [];
  for (const { from, to } of edges) {
    const a = unitOf(from);
    const b = unitOf(to);
    if (a === b || seen.has(`${a}\0${b}`)) continue;
    seen.add(`${a}\0${b}`);
    out.push({ from: a, to: b });
  }
  return out;
}
