import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fastData, fastParse } from '../../src/load/fast-yaml';
import { parseFully } from '../../src/load/parse-fully';
import { shippedFiles } from '../property/shipped-files';

// The benchmark's generator (plain JS): the files `validate` is timed on.
const { generateProject } = require('../../bench/generate-project.js') as { generateProject: (dir: string, count: number) => number };

/** fastData is fastParse without the tree: the same texts given up on, the same data and comment texts. */
function expectSameModes(name: string, text: string): void {
  const full = fastParse(text);
  const dataOnly = fastData(text);
  expect(full, name).toBeDefined();
  expect(dataOnly, name).toStrictEqual({ data: full!.data, commentTexts: full!.commentTexts });
  expect(dataOnly!.data, name).toStrictEqual(parseFully(text).data);
}

describe('fastData against fastParse', () => {
  it('agrees on every shipped file, all of them on the fast path', () => {
    for (const [path, text] of Object.entries(shippedFiles())) expectSameModes(path, text);
  });

  describe('on a generated project of 60 environments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'terra-iac-fast-yaml-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    generateProject(dir, 60);

    it('agrees on every file, all of them on the fast path', () => {
      const paths = [
        ...readdirSync(dir).filter((n) => n.endsWith('.yaml')),
        ...readdirSync(join(dir, 'config')).map((n) => join('config', n)),
      ];
      expect(paths.length).toBe(121);
      for (const path of paths) expectSameModes(path, readFileSync(join(dir, path), 'utf8'));
    });
  });

  it('gives up on the same texts', () => {
    for (const text of ['a: |2\n  x\n', 'a: 1\na: 2\n', '- a\n', 'a: "x\\n"\n', 'a:\tb\n', '']) {
      expect(fastParse(text), JSON.stringify(text)).toBeUndefined();
      expect(fastData(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});
