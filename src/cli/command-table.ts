import { lazyCommand, type AnyCommand } from './command';

/**
 * Every command, in the order the usage lists them: its spec module (options and help) and its run module
 * (the implementation), each loaded only when needed, so `validate` never loads what `plan` or `smoke` need.
 * Adding a command is one line here plus commands/<name>.ts and commands/<name>-run.ts.
 * (`import()`, not `require()`: esbuild turns both into the same lazy init, and vitest can follow it.)
 */
export const COMMANDS: Readonly<Record<string, () => Promise<AnyCommand>>> = {
  validate: lazyCommand(() => import('./commands/validate.js'), () => import('./commands/validate-run.js')),
  smoke: lazyCommand(() => import('./commands/smoke.js'), () => import('./commands/smoke-run.js')),
  plan: lazyCommand(() => import('./commands/plan.js'), () => import('./commands/plan-run.js')),
  audit: lazyCommand(() => import('./commands/audit.js'), () => import('./commands/audit-run.js')),
  diff: lazyCommand(() => import('./commands/diff.js'), () => import('./commands/diff-run.js')),
  drift: lazyCommand(() => import('./commands/drift.js'), () => import('./commands/drift-run.js')),
  apply: lazyCommand(() => import('./commands/apply.js'), () => import('./commands/apply-run.js')),
  import: lazyCommand(() => import('./commands/import.js'), () => import('./commands/import-run.js')),
  init: lazyCommand(() => import('./commands/init.js'), () => import('./commands/init-run.js')),
  'rotate-api-key': lazyCommand(() => import('./commands/rotate-api-key.js'), () => import('./commands/rotate-api-key-run.js')),
};

export const COMMAND_NAMES = Object.keys(COMMANDS);

/** The command of a name, or undefined for a name that is not one (an own key only: not `constructor`). */
export async function findCommand(name: string): Promise<AnyCommand | undefined> {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name]!() : undefined;
}

export async function allCommands(): Promise<AnyCommand[]> {
  return Promise.all(COMMAND_NAMES.map((name) => COMMANDS[name]!()));
}
