import type { DocPath } from './diagnostic';

/** `providers.STRAVA.dedicatedKeys`, `destinations[0].type`: how paths read in messages. */
export function formatPath(path: DocPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out || '(root)';
}
