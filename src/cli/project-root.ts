import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The project root a command reads: `--root DIR` when given (against the working directory), else the
 * nearest directory at or above the working directory that holds the project's markers, found the way git
 * finds `.git` and `pulumi` finds its project (pulumi/pulumi sdk/go/common/workspace/paths.go,
 * DetectProjectPathFrom walks up to the closest Pulumi.yaml). The markers are both of:
 * - `Pulumi.yaml` (or `Pulumi.yml`), the Pulumi project file beside the `Pulumi.<env>.yaml` stacks;
 * - a `config/` directory, which holds the environments (`config/<env>.yaml`).
 * Both, not either: a Pulumi project of its own higher up, or a `config/` folder of some other tool, must not
 * capture the run. When no directory up to the filesystem root has them, the working directory is the root,
 * as before, so each command's own "nothing to check here" error (with its hint) still speaks.
 */
export function projectRoot(rootOption: string | undefined, cwd: string): string {
  if (rootOption !== undefined) return resolve(cwd, rootOption);
  const start = resolve(cwd);
  for (let dir = start; ; dir = dirname(dir)) {
    if (isProjectRoot(dir)) return dir;
    if (dirname(dir) === dir) return start;
  }
}

function isProjectRoot(dir: string): boolean {
  return (isFile(join(dir, 'Pulumi.yaml')) || isFile(join(dir, 'Pulumi.yml'))) && isDirectory(join(dir, 'config'));
}

/** A path we may not read (permissions, a dangling link) is simply not a marker, as in Pulumi's walk. */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
