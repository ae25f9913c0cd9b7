import type { SmokeCheck } from '../smoke-context';
import { safeUrl } from '../../http/url';
import { adviceFor, describeError, fail, pass } from './outcomes';

/** `GET /integrations` needs no credentials (tryterra/openapi v2-bundled.yaml: `security: []` on `GET /integrations`), so it isolates "can we reach Terra at all". */
export const apiReachable: SmokeCheck = {
  id: 'api.reachable',
  description: "Terra's data API answers `GET /integrations` at the configured base URL.",
  async run({ shared, target }) {
    try {
      const catalog = await shared.integrations();
      return pass(`${safeUrl(target.apiBaseUrl)} answered: ${catalog.providers.length} web and ${catalog.sdkProviders.length} SDK providers listed`);
    } catch (error) {
      return fail(`${describeError(error)}; ${adviceFor(error, target.apiBaseUrl)}`);
    }
  },
};
