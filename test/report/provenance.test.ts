import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileHashes, gitProvenance, reportTime } from '../../src/report/provenance';
import { loadProject } from '../../src/project';
import { TestRepo } from './git-repo';

describe('provenance', () => {
  it('hashes the bytes on disk, byte order mark included, as sha256sum does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'terra-iac-hash-'));
    mkdirSync(join(dir, 'config'));
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('owners: []\n')]);
    writeFileSync(join(dir, 'config', 'bom.yaml'), bytes);
    const project = loadProject({ root: dir, rules: [] });
    const expected = execFileSync('sha256sum', [join(dir, 'config', 'bom.yaml')], { encoding: 'utf8' }).split(' ')[0];
    expect(fileHashes(project.files)).toEqual([{ path: 'config/bom.yaml', sha256: expected, bytes: bytes.length }]);
    expect(fileHashes([{ ...project.files[0]!, absPath: join(dir, 'missing.yaml') }])).toEqual([{ path: 'config/bom.yaml', sha256: null, bytes: null }]);
  });

  it('takes the time from a valid SOURCE_DATE_EPOCH, else from the clock', () => {
    const now = () => new Date('2030-05-06T07:08:09.000Z');
    expect(reportTime({ SOURCE_DATE_EPOCH: '0' }, now)).toBe('1970-01-01T00:00:00.000Z');
    expect(reportTime({ SOURCE_DATE_EPOCH: 'yesterday' }, now)).toBe('2030-05-06T07:08:09.000Z');
    expect(reportTime({}, now)).toBe('2030-05-06T07:08:09.000Z');
  });

  it('says why there is no commit, and which files differ from the one there is', () => {
    const outside = mkdtempSync(join(tmpdir(), 'terra-iac-plain-'));
    expect(gitProvenance(outside, ['config/a.yaml'])).toEqual({ commit: null, note: 'not a git repository', uncommitted: [] });
    const repo = new TestRepo();
    expect(gitProvenance(repo.dir, ['config/a.yaml'])).toEqual({ commit: null, note: 'no commits yet', uncommitted: [] });
    const commit = repo.commit({ 'config/a.yaml': 'a: 1\n', 'config/b.yaml': 'b: 1\n' }, { name: 'A', email: 'a@example.com' }, '2024-01-01T00:00:00+00:00', 'init');
    expect(gitProvenance(repo.dir, ['config/a.yaml', 'config/b.yaml'])).toEqual({ commit, uncommitted: [] });
    repo.write({ 'config/b.yaml': 'b: 2\n', 'config/c.yaml': 'c: 1\n' });
    expect(gitProvenance(repo.dir, ['config/a.yaml', 'config/b.yaml', 'config/c.yaml'])).toEqual({ commit, uncommitted: ['config/b.yaml', 'config/c.yaml'] });
  });
});
