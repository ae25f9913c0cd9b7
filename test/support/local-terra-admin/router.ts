import { BASE_PATH, OPERATIONS } from './contract';
import type { VendoredOperationId } from './vendor';

/** Matches request paths against the vendored operations' path templates (admin-api.yaml `paths`). */

export interface RouteMatch {
  operationId: VendoredOperationId;
  params: Record<string, string>;
}

interface Route {
  operationId: VendoredOperationId;
  method: string;
  pattern: RegExp;
  names: string[];
}

const ROUTES: Route[] = (Object.entries(OPERATIONS) as Array<[VendoredOperationId, (typeof OPERATIONS)[VendoredOperationId]]>).map(([operationId, op]) => {
  const names: string[] = [];
  const source = op.path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { operationId, method: op.method, pattern: new RegExp(`^${source}$`), names };
});

/** The operation for `method` and a path under the base path, or undefined (a 404 `not_found`). */
export function matchRoute(method: string, pathname: string): RouteMatch | undefined {
  if (!pathname.startsWith(`${BASE_PATH}/`)) return undefined;
  const rest = pathname.slice(BASE_PATH.length);
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(rest);
    if (!m) continue;
    try {
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(m[i + 1]!)]));
      return { operationId: route.operationId, params };
    } catch {
      return undefined;
    }
  }
  return undefined;
}
