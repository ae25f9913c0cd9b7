import { DEFAULT_TERRA_API_BASE_URL, TERRA_API_BASE_URLS } from '../../catalog/terra-hosts';
import type { Environment } from '../../model/environment';
import type { EnvironmentEntry, ProjectView } from '../../validate/project-view';

/** An environment whose file passed its schema, so its model can be trusted. */
export interface ModeledEnvironment extends EnvironmentEntry {
  model: Environment;
}

/** Per loaded list of entries (every rule context of one load shares it): most rules start from these. */
const modeledByList = new WeakMap<readonly object[], readonly object[]>();

/** The entries of a loaded list (environments or stacks) whose file passed its schema, found once per list. */
export function withModels<E extends { model?: unknown }>(list: readonly E[]): readonly (E & { model: NonNullable<E['model']> })[] {
  let modeled = modeledByList.get(list) as readonly (E & { model: NonNullable<E['model']> })[] | undefined;
  if (!modeled) {
    modeled = list.filter((e): e is E & { model: NonNullable<E['model']> } => e.model !== undefined);
    modeledByList.set(list, modeled);
  }
  return modeled;
}

export function modeledEnvironments(view: ProjectView): readonly ModeledEnvironment[] {
  return withModels(view.environments);
}

/**
 * Environments whose settings are unknown: the file did not pass its schema (or did not parse). A rule that
 * compares environments treats these as unknown peers and stays silent where one could change its answer,
 * instead of reading a missing model as "declares nothing" (a typo in staging must not make every
 * production provider look unstaged).
 */
export function unknownEnvironments(view: ProjectView): EnvironmentEntry[] {
  return view.environments.filter((e) => e.model === undefined);
}

/** The Terra base URL an environment uses when it is one of Terra's two, normalised; else undefined. */
export function terraBaseUrlOf(model: Environment): string | undefined {
  const configured = (model.terra.apiBaseUrl ?? DEFAULT_TERRA_API_BASE_URL).replace(/\/+$/, '');
  return TERRA_BASE_URL_BY_LOWER_CASE.get(configured.toLowerCase());
}

/** Terra's base URLs keyed by their lower-case spelling, which a configured URL is compared in. */
const TERRA_BASE_URL_BY_LOWER_CASE: ReadonlyMap<string, string> = new Map(Object.values(TERRA_API_BASE_URLS).map((u) => [u.toLowerCase(), u]));

/** Each of Terra's base URLs with its host. */
const TERRA_API_HOST_OF_BASE_URL: ReadonlyMap<string, string> = new Map(Object.values(TERRA_API_BASE_URLS).map((u) => [u, new URL(u).hostname]));

/** The Terra API host of an environment (`access.tryterra.co`) when its base URL is one of Terra's. */
export function terraApiHostOf(model: Environment): string | undefined {
  const base = terraBaseUrlOf(model);
  return base ? TERRA_API_HOST_OF_BASE_URL.get(base) : undefined;
}
