import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Person {
  name: string;
  email: string;
}

/** A throwaway git repository whose commits have the authors and dates a test gives them. */
export class TestRepo {
  readonly dir = mkdtempSync(join(tmpdir(), 'terra-iac-history-'));

  constructor() {
    this.git(['init', '-q', '-b', 'main']);
  }

  /** Runs git with no user or system config, so the machine's settings (hooks, signing) never interfere. */
  git(args: readonly string[], env: Record<string, string> = {}): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: this.dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...env },
    });
  }

  /** Writes (or, for null, deletes) files without committing them. */
  write(files: Record<string, string | null>): void {
    for (const [path, text] of Object.entries(files)) {
      const abs = join(this.dir, path);
      if (text === null) rmSync(abs, { force: true });
      else {
        mkdirSync(dirname(abs), { recursive: true });
        writeFileSync(abs, text);
      }
    }
  }

  /** Writes the files and commits them as `author` at `date` (ISO 8601); returns the commit id. */
  commit(files: Record<string, string | null>, author: Person, date: string, message: string): string {
    this.write(files);
    this.git(['add', '-A']);
    this.git(['commit', '-q', '--no-gpg-sign', '-m', message], {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: 'CI Merge Bot',
      GIT_COMMITTER_EMAIL: 'ci@example.com',
      GIT_COMMITTER_DATE: date,
    });
    return this.git(['rev-parse', 'HEAD']).trim();
  }
}
