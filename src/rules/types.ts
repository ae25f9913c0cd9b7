import type { Tier } from '../catalog/environment-limits';
import type { SourceFile } from '../load/source-file';
import type { Environment } from '../model/environment';
import type { ProjectFile } from '../model/project-file';
import type { StackFile } from '../model/stack-file';
import type { Severity } from '../validate/diagnostic';
import type { Finding } from '../validate/finding';

/** One config/<name>.yaml. `model` is set only when the file passed its schema. */
export interface EnvironmentEntry {
  name: string;
  file: SourceFile;
  model?: Environment;
  /** Declared tier, else the file name when it is one of the three tiers. */
  tier?: Tier;
}

/** One Pulumi.<name>.yaml. */
export interface StackEntry {
  name: string;
  file: SourceFile;
  model?: StackFile;
}

export interface ProjectFileEntry {
  file: SourceFile;
  model?: ProjectFile;
}

/** Everything loaded, as rules see it. */
export interface ProjectView {
  root: string;
  files: readonly SourceFile[];
  environments: readonly EnvironmentEntry[];
  stacks: readonly StackEntry[];
  projectFile?: ProjectFileEntry;
  /** False when only some files were named (FILES or --env): pairing rules then stay quiet about the rest. */
  complete: boolean;
  /** Environment variables the caller chose to pass (LoadOptions.env); empty unless `validate` runs. */
  env: Readonly<Record<string, string | undefined>>;
}

/** What a rule reports; the pipeline adds the rule id, default severity and position. */
export type RuleReport = Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity };

export interface RuleContext extends ProjectView {
  report(file: SourceFile, finding: RuleReport): void;
}

/** A semantic rule: src/rules/<id>.ts, registered in src/rules/index.ts. */
export interface Rule {
  id: string;
  severity: Severity;
  /** One sentence: what it checks and why. */
  description: string;
  /** Where the fact comes from (a Terra or Pulumi page, or "terra-iac design"). */
  source: string;
  check(ctx: RuleContext): void;
}
