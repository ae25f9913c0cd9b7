import type { Tier } from '../catalog/environment-limits';
import type { SourceFile } from '../load/source-file';
import type { Environment } from '../model/environment';
import type { ProjectFile } from '../model/project-file';
import type { StackFile } from '../model/stack-file';

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
