import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FileKind } from '../model/schema-kinds';

export interface FileRef {
  kind: FileKind;
  name: string;
  absPath: string;
  path: string;
}

const STACK_FILE = /^Pulumi\.([^.]+(?:\.[^.]+)*)\.ya?ml$/;
const PROJECT_FILE = /^Pulumi\.ya?ml$/;
const YAML_FILE = /\.ya?ml$/;

/** What a file is, from its name alone. */
export function classify(absPath: string, root: string): FileRef {
  const base = basename(absPath);
  const path = toProjectPath(absPath, root);
  if (PROJECT_FILE.test(base)) return { kind: 'project', name: 'Pulumi', absPath, path };
  const stack = STACK_FILE.exec(base);
  if (stack) return { kind: 'stack', name: stack[1]!, absPath, path };
  return { kind: 'environment', name: base.replace(YAML_FILE, ''), absPath, path };
}

export function toProjectPath(absPath: string, root: string): string {
  const rel = relative(root, absPath);
  return (rel.startsWith('..') || isAbsolute(rel) ? absPath : rel).split(sep).join('/');
}

/** Every file `validate` checks by default: config/*.yaml, Pulumi.yaml and Pulumi.<stack>.yaml. */
export function discoverProject(root: string): FileRef[] {
  const refs: FileRef[] = [];
  const configDir = join(root, 'config');
  if (existsSync(configDir) && statSync(configDir).isDirectory()) {
    for (const entry of readdirSync(configDir).sort()) {
      if (YAML_FILE.test(entry)) refs.push(classify(join(configDir, entry), root));
    }
  }
  if (existsSync(root)) {
    for (const entry of readdirSync(root).sort()) {
      if (PROJECT_FILE.test(entry) || STACK_FILE.test(entry)) refs.push(classify(join(root, entry), root));
    }
  }
  return refs;
}

/** Files named on the command line, resolved against the working directory. */
export function namedFiles(files: readonly string[], root: string, cwd: string): FileRef[] {
  return files.map((f) => classify(resolve(cwd, f), root));
}
