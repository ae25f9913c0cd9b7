import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { anchors, isExternal, links, slug, unclosedFence } from './markdown-doc';

const REPO = join(__dirname, '..', '..');

const MANUAL = [
  'docs/rules.md',
  'docs/config-reference.md',
  'docs/validate.md',
  'docs/deploying-with-pulumi.md',
  'docs/drift-and-apply.md',
  'docs/smoke-test.md',
  'docs/reports.md',
  'docs/reading-yaml.md',
  'docs/testing.md',
  'docs/design.md',
  'docs/adding-an-environment.md',
  'docs/adding-a-provider.md',
  'docs/using-esc.md',
];

/** README.md, BENCHMARKS.md and every page of docs/: the Markdown a reader follows links through. */
function pages(root: string): string[] {
  const docs = existsSync(join(root, 'docs')) ? readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`) : [];
  return ['README.md', 'BENCHMARKS.md', ...docs].filter((f) => existsSync(join(root, f)));
}

/** Every relative link that does not resolve: a missing file, a missing heading, or a path out of the repository. */
function brokenLinks(root: string): string[] {
  const broken: string[] = [];
  const cache = new Map<string, Set<string>>();
  const anchorsOf = (file: string) => {
    if (!cache.has(file)) cache.set(file, anchors(readFileSync(file, 'utf8')));
    return cache.get(file)!;
  };
  for (const page of pages(root)) {
    const abs = join(root, page);
    for (const { target, line } of links(readFileSync(abs, 'utf8'))) {
      if (isExternal(target)) continue;
      const at = `${page}:${line} -> ${target}`;
      const [path, anchor] = target.split('#', 2) as [string, string | undefined];
      const file = path === '' ? abs : resolve(dirname(abs), decodeURIComponent(path));
      if (relative(root, file).split(sep)[0] === '..') broken.push(`${at}: leaves the repository`);
      else if (!existsSync(file)) broken.push(`${at}: no such file`);
      else if (anchor !== undefined) {
        if (!file.endsWith('.md') || statSync(file).isDirectory()) broken.push(`${at}: an anchor into a file that is not Markdown`);
        else if (!anchorsOf(file).has(anchor)) broken.push(`${at}: no heading with that anchor`);
      }
    }
  }
  return broken;
}

describe('links in README.md and docs/', () => {
  it('the README links every page of the manual issue 12 asks for', () => {
    const readmeTargets = new Set(links(readFileSync(join(REPO, 'README.md'), 'utf8')).map((l) => l.target.split('#')[0]));
    // Pages other branches add (packaging, adopting an environment, ...) are link-checked below, not required here.
    for (const page of MANUAL) expect(readmeTargets, page).toContain(page);
    expect(pages(REPO)).toEqual(expect.arrayContaining(['README.md', ...MANUAL]));
  });

  it('close every code block they open', () => {
    const unclosed = pages(REPO).flatMap((page) => {
      const line = unclosedFence(readFileSync(join(REPO, page), 'utf8'));
      return line === undefined ? [] : [`${page}:${line}`];
    });
    expect(unclosed).toEqual([]);
    expect(unclosedFence('```sh\nnpm test\n```\n\n```yaml\na: 1\n')).toBe(5);
  });

  it('every relative link resolves to an existing file, and every #anchor to an existing heading', () => {
    expect(brokenLinks(REPO)).toEqual([]);
  });
});

describe('the link check itself', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('reports a missing file, a missing heading and a path out of the repository, and ignores code', () => {
    const root = mkdtempSync(join(tmpdir(), 'terra-iac-links-'));
    dirs.push(root);
    writeFileSync(
      join(root, 'README.md'),
      [
        '# Title',
        'See [the rules](docs/rules.md#yaml-syntax), [gone](docs/gone.md), [nowhere](#no-such-heading) and [out](../x.md).',
        'Fine: [rules](docs/rules.md#file-empty), [twice](docs/rules.md#same-1), [here](#title), <https://example.com>, [web](https://example.com/#x).',
        '`[in code](docs/missing.md)`',
        '```md',
        '[in a block](docs/missing.md)',
        '```',
      ].join('\n'),
    );
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'rules.md'), '# Rules\n\n## file-empty\n\n```\n## yaml-syntax\n```\n\n## Same\n\n## Same\n');
    expect(brokenLinks(root)).toEqual([
      'README.md:2 -> docs/rules.md#yaml-syntax: no heading with that anchor',
      'README.md:2 -> docs/gone.md: no such file',
      'README.md:2 -> #no-such-heading: no heading with that anchor',
      'README.md:2 -> ../x.md: leaves the repository',
    ]);
  });

  it('makes anchors as GitHub does', () => {
    expect(slug('Drift and apply: make Terra match the declaration')).toBe('drift-and-apply-make-terra-match-the-declaration');
    expect(slug('`terra-iac diff`')).toBe('terra-iac-diff');
    expect(slug('Inside `pulumi up`')).toBe('inside-pulumi-up');
    expect(slug('1. Write `config/qa.yaml`')).toBe('1-write-configqayaml');
    expect(slug('Markdown (`--format md`, the default)')).toBe('markdown---format-md-the-default');
    expect(slug('DEXCOM_EU and [a link](x.md)')).toBe('dexcom_eu-and-a-link');
    expect([...anchors('# A\n## A\n### A\n')]).toEqual(['a', 'a-1', 'a-2']);
  });
});
