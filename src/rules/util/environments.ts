import { DEFAULT_TERRA_API_BASE_URL, TERRA_API_BASE_URLS } from '../../catalog/terra-hosts';
import type { Environment } from '../../model/environment';
import type { EnvironmentEntry, ProjectView } from '../../validate/project-view';

/** An environment whose file passed its schema, so its model can be trusted. */
export interface ModeledEnvironment extends EnvironmentEntry {
  model: Environment;
}

export function modeledEnvironments(view: ProjectView): ModeledEnvironment[] {
  return view.environments.filter((e): e is ModeledEnvironment => e.model !== undefined);
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
  return (Object.values(TERRA_API_BASE_URLS) as string[]).find((u) => u.toLowerCase() === configured.toLowerCase());
}

/** The Terra API host of an environment (`access.tryterra.co`) when its base URL is one of Terra's. */
export function terraApiHostOf(model: Environment): string | undefined {
  const base = terraBaseUrlOf(model);
  return base ? new URL(base).hostname : undefined;
}
