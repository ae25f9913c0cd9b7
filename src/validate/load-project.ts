import { TIERS, type Tier } from '../catalog/environment-limits';
import { UsageError } from '../core/errors';
import { discoverProject, namedFiles, type FileRef } from '../load/discover';
import { parseYaml } from '../load/parse-yaml';
import { readSource, type ReadResult } from '../load/read-source';
import { plaintextSecretHint } from '../model/secret-refs';
import type { SourceFile } from '../load/source-file';
import type { Environment } from '../model/environment';
import type { ProjectFile } from '../model/project-file';
import type { StackFile } from '../model/stack-file';
import type { EnvironmentEntry, ProjectView, StackEntry } from './project-view';
import type { Rule, RuleContext } from './rule-contract';
import { compareDiagnostics, summarize, type Diagnostic, type Summary } from '../core/diagnostic';
import type { Finding } from '../core/finding';
import { locatorFor, spanOfRange, type Span } from './locate';
import { safeDiagnostics } from './safe-diagnostics';
import { checkSchema } from './schema-check';

export interface LoadOptions {
  /** Project root: holds config/, Pulumi.yaml and the stack files. */
  root: string;
  /** Check only these files (paths relative to `cwd`). */
  files?: readonly string[];
  /** Check only these environments (config/<env>.yaml and Pulumi.<env>.yaml). */
  envs?: readonly string[];
  cwd?: string;
  /** Read files from this map (project-relative path to text) instead of the disk: used by rule tests. */
  virtualFiles?: Readonly<Record<string, string>>;
  /** The semantic rules to run (the composition root, src/project.ts, passes the registry). */
  rules: readonly Rule[];
  /**
   * Environment variables rules may read (PULUMI_CONFIG_PASSPHRASE for stack-secret-decrypts). Only
   * `validate` passes them; absent means none, so every other consumer and every rule test is hermetic.
   */
  env?: Readonly<Record<string, string | undefined>>;
}

/** The typed, validated project plus every diagnostic: what every consumer of config/ starts from. */
export interface LoadedProject extends ProjectView {
  diagnostics: Diagnostic[];
  summary: Summary;
}

/**
 * parse -> schema -> model -> rules -> diagnostics, once, for every consumer. Throws a UsageError for a
 * problem with the request itself (an unknown environment): exit code 2, no diagnostics.
 */
export function runPipeline(options: LoadOptions): LoadedProject {
  const refs = selectFiles(options);
  const diagnostics: Diagnostic[] = [];
  const findings = new FindingsByFile();
  const valid = new Set<SourceFile>();
  const files = refs.map((ref) => {
    const file = loadFile(ref, options, diagnostics);
    if (file.data !== undefined) {
      const schemaFindings = checkSchema(file.kind, file.data);
      for (const finding of schemaFindings) findings.add(file, withFileHint(file, finding));
      if (schemaFindings.length === 0) valid.add(file);
    }
    return file;
  });
  const view = buildView(options, files, valid, !options.files?.length && !options.envs?.length);
  runRules(options.rules, view, findings, diagnostics);
  findings.locateInto(diagnostics);
  const safe = safeDiagnostics(diagnostics, files).sort(compareDiagnostics);
  return { ...view, diagnostics: safe, summary: summarize(safe, files.length) };
}

function selectFiles(options: LoadOptions): FileRef[] {
  const { root } = options;
  if (options.files?.length) return namedFiles(options.files, root, options.cwd ?? process.cwd());
  const all = options.virtualFiles ? Object.keys(options.virtualFiles).sort().map((p) => virtualRef(root, p)) : discoverProject(root);
  if (!options.envs?.length) return all;
  const known = new Set(all.filter((r) => r.kind === 'environment').map((r) => r.name));
  for (const env of options.envs) {
    if (!known.has(env)) {
      throw new UsageError(
        `unknown environment "${env}": no config/${env}.yaml (known: ${[...known].join(', ') || 'none'})`,
        known.size ? undefined : 'run from the project root (it holds config/ and Pulumi.yaml), or pass --root DIR',
      );
    }
  }
  return all.filter((r) => r.kind === 'project' || options.envs!.includes(r.name));
}

function virtualRef(root: string, path: string): FileRef {
  const refs = namedFiles([path], root, root);
  return refs[0]!;
}

function loadFile(ref: FileRef, options: LoadOptions, diagnostics: Diagnostic[]): SourceFile {
  const file: SourceFile = { kind: ref.kind, name: ref.name, path: ref.path, absPath: ref.absPath };
  const read: ReadResult = options.virtualFiles
    ? ref.path in options.virtualFiles
      ? { text: options.virtualFiles[ref.path]! }
      : { problem: { ruleId: 'file-unreadable', message: 'file does not exist', hint: 'check the path', line: 1, column: 1 } }
    : readSource(ref.absPath, { root: options.root });
  if ('problem' in read) {
    const { ruleId, message, hint, line, column } = read.problem;
    diagnostics.push({ ruleId, severity: 'error', message, hint, file: file.path, line, column, path: [] });
    return file;
  }
  const parsed = parseYaml(read.text);
  file.text = parsed.text;
  file.tree = parsed.tree;
  file.lineCounter = parsed.lineCounter;
  for (const problem of parsed.problems) {
    const span = spanOfRange(file, problem.start, problem.end);
    diagnostics.push({ ruleId: problem.ruleId, severity: 'error', message: problem.message, hint: problem.hint, file: file.path, ...span, path: [] });
  }
  if (parsed.problems.length === 0) file.data = parsed.data;
  return file;
}

/** The schema stage knows paths, not files: name the environment in the fix for a plaintext secret. */
function withFileHint(file: SourceFile, finding: Finding): Finding {
  if (finding.ruleId !== 'no-plaintext-secret' || file.kind !== 'environment') return finding;
  return { ...finding, hint: plaintextSecretHint(file.name, finding.path) };
}

function buildView(options: LoadOptions, files: SourceFile[], validFiles: Set<SourceFile>, complete: boolean): ProjectView {
  const environments: EnvironmentEntry[] = [];
  const stacks: StackEntry[] = [];
  let projectFile: ProjectView['projectFile'];
  for (const file of files) {
    const valid = validFiles.has(file);
    if (file.kind === 'environment') {
      const model = valid ? (file.data as Environment) : undefined;
      environments.push({ name: file.name, file, model, tier: model?.tier ?? tierFromName(file.name) });
    } else if (file.kind === 'stack') {
      stacks.push({ name: file.name, file, model: valid ? (file.data as StackFile) : undefined });
    } else {
      projectFile = { file, model: valid ? (file.data as ProjectFile) : undefined };
    }
  }
  return { root: options.root, files, environments, stacks, projectFile, complete, env: options.env ?? {} };
}

function tierFromName(name: string): Tier | undefined {
  return (TIERS as readonly string[]).includes(name) ? (name as Tier) : undefined;
}

/**
 * Findings wait here until every stage has run, then each file is located once for all of its findings:
 * a fast-parsed file keeps no tree (see parse-yaml.ts), so locating one finding at a time would parse it again
 * per finding, and keeping the trees was most of a large run's memory.
 */
class FindingsByFile {
  private readonly byFile = new Map<SourceFile, Finding[]>();

  add(file: SourceFile, finding: Finding): void {
    const list = this.byFile.get(file);
    if (list === undefined) this.byFile.set(file, [finding]);
    else list.push(finding);
  }

  locateInto(diagnostics: Diagnostic[]): void {
    for (const [file, findings] of this.byFile) {
      const at = locatorFor(file);
      for (const finding of findings) diagnostics.push(diagnosticAt(file, finding, at(finding.path, finding.target)));
    }
    this.byFile.clear();
  }
}

function runRules(rules: readonly Rule[], view: ProjectView, findings: FindingsByFile, diagnostics: Diagnostic[]): void {
  for (const rule of rules) {
    const ctx: RuleContext = {
      ...view,
      report(file, report) {
        findings.add(file, { ...report, ruleId: rule.id, severity: report.severity ?? rule.severity });
      },
    };
    try {
      rule.check(ctx);
    } catch (error) {
      // A rule bug must not hide the other findings or crash the PR check.
      diagnostics.push({
        ruleId: rule.id,
        severity: 'error',
        message: `rule crashed: ${(error as Error).message}`,
        hint: 'this is a terra-iac bug; please report it with the file that triggers it',
        file: view.files[0]?.path ?? '.',
        line: 1,
        column: 1,
        path: [],
      });
    }
  }
}

export function toDiagnostic(file: SourceFile, finding: Finding): Diagnostic {
  return diagnosticAt(file, finding, locatorFor(file)(finding.path, finding.target));
}

function diagnosticAt(file: SourceFile, finding: Finding, span: Span): Diagnostic {
  const diagnostic: Diagnostic = {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    file: file.path,
    ...span,
    path: finding.path,
  };
  if (finding.hint) diagnostic.hint = finding.hint;
  if (finding.sensitive) diagnostic.sensitive = true;
  return diagnostic;
}
