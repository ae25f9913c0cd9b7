import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import pkg from '../../../package.json';
import { EXIT, TerraIacError, UsageError } from '../../core/errors';
import { VERSION } from '../../core/version';
import type { Io } from '../io';
import type { InitArgs } from './init';

/** Template files whose names npm or git would treat specially are stored under another name. */
const RENAMED: Readonly<Record<string, string>> = {
  gitignore: '.gitignore',
  'github/workflows/validate.yml': '.github/workflows/validate.yml',
  'package.json.tmpl': 'package.json',
};

/** npm's rule for package names (lower case, URL-safe, optionally scoped). */
const PACKAGE_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/**
 * `terra-iac init [DIR]`: copies templates/init/ of the installed package into DIR. Every target is checked
 * first and nothing is written when any exists; a write that fails half-way removes what it wrote.
 */
export async function run({ values, positionals }: InitArgs, io: Io): Promise<number> {
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`, 'init takes one folder');
  const dir = resolve(io.cwd, positionals[0] ?? '.');
  const name = values.name ?? packageNameFrom(basename(dir));
  if (!PACKAGE_NAME.test(name) || name.length > 214) throw new UsageError(`--name "${name}" is not a valid npm package name`, 'use lower-case letters, digits, - . _ (e.g. acme-terra)');
  const packageSpec = values['package-spec'] ?? `^${VERSION}`;
  if (packageSpec.trim() === '' || /[\s"\\]/.test(packageSpec)) throw new UsageError(`--package-spec "${packageSpec}" is not a dependency spec`, 'e.g. ^0.1.0, file:../terra-iac-0.1.0.tgz or github:terra-iac/terra-iac');
  if (existsSync(dir) && !lstatSync(dir).isDirectory()) throw new TerraIacError(`${shown(io, dir)} exists and is not a folder`, 'usage', { hint: 'name a new or existing folder' });

  const templates = templatesDir();
  const files = listFiles(templates).map((from) => ({ from, to: join(dir, RENAMED[from] ?? from) }));
  const existing = files.filter((f) => existsSync(f.to) || isLink(f.to));
  if (existing.length) {
    throw new TerraIacError(`init would overwrite ${existing.map((f) => shown(io, f.to)).join(', ')}`, 'usage', {
      hint: 'run it in a new or empty folder (terra-iac init DIR), or move those files away; nothing was written',
    });
  }
  const substitutions: Record<string, string> = { '@@NAME@@': name, '@@TERRA_IAC_SPEC@@': packageSpec, '@@PULUMI_SPEC@@': pulumiSpec() };
  const written: string[] = [];
  try {
    for (const { from, to } of files) {
      let text = readFileSync(join(templates, from), 'utf8');
      if (from.endsWith('.tmpl')) for (const [key, value] of Object.entries(substitutions)) text = text.replaceAll(key, value);
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, text, { flag: 'wx' });
      written.push(to);
    }
  } catch (error) {
    for (const file of written) rmSync(file, { force: true });
    throw new TerraIacError(`cannot write ${shown(io, dir)}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, 'io', { hint: 'check that the folder is writable; nothing was kept' });
  }
  const where = shown(io, dir);
  io.stdout(
    `Created a terra-iac repository in ${where} (terra-iac ${packageSpec}):\n` +
      files.map((f) => `  ${relative(dir, f.to)}\n`).join('') +
      `\nNext:\n${where === '.' ? '' : `  cd ${where}\n`}  npm install\n  npx terra-iac validate    # lists the placeholders' secrets still to set, with their commands\n` +
      '  npx terra-iac plan --env testing\nThe README there has the rest.\n',
  );
  return EXIT.ok;
}

/** The package's templates/init/, found from this file (dist/cli.js when built, src/cli/commands/ in tests). */
function templatesDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'templates', 'init');
    if (existsSync(join(candidate, 'Pulumi.yaml'))) return candidate;
    if (dirname(dir) === dir) throw new TerraIacError('the terra-iac package has no templates/init folder', 'io', { hint: 'reinstall terra-iac; this is a packaging bug' });
  }
}

function listFiles(root: string, dir = ''): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .flatMap((entry) => {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      return entry.isDirectory() ? listFiles(root, path) : [path];
    })
    .sort();
}

/** The @pulumi/pulumi range terra-iac itself depends on, so npm installs the one copy both use. */
function pulumiSpec(): string {
  return (pkg as { dependencies: Record<string, string> }).dependencies['@pulumi/pulumi']!;
}

function packageNameFrom(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9-._~]+/g, '-').replace(/^[-._]+|-+$/g, '');
  return name || 'terra-environments';
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Relative to the working directory when inside it, else absolute. */
function shown(io: Io, path: string): string {
  const rel = relative(io.cwd, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel || '.';
}
