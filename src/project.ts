import { RULES } from './rules';
import { runPipeline, type LoadedProject, type LoadOptions } from './validate/load-project';

/** What consumers pass: the pipeline's options, with the registered rules unless a test picks others. */
export type ProjectOptions = Omit<LoadOptions, 'rules'> & Partial<Pick<LoadOptions, 'rules'>>;

/**
 * The composition root: the pipeline (src/validate) with the registered rules (src/rules). Every consumer of
 * config/ (validate, plan, the Pulumi program, smoke, audit, diff) starts here, so none re-parses or re-validates.
 */
export function loadProject(options: ProjectOptions): LoadedProject {
  return runPipeline({ ...options, rules: options.rules ?? RULES });
}
