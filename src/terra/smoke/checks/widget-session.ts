import type { SmokeCheck } from '../smoke-context';
import { TerraCallError } from '../../http/terra-call-error';
import { adviceFor, describeError, fail, isCredentialRejection, pass, skip } from './outcomes';

/**
 * `POST /auth/generateWidgetSession` for the declared web providers. It authenticates and mints a session
 * that expires unused after 900 s (tryterra/openapi v2-bundled.yaml generateWidgetSession, `expires_in: 900`); the URL is a login link, so it is never printed.
 */
export const widgetSession: SmokeCheck = {
  id: 'widget.session',
  description: 'Terra issues a widget session for the declared web providers (`POST /auth/generateWidgetSession`); skip it with `--skip widget.session`.',
  async run({ client, budget, target }) {
    const web = target.providers.filter((p) => p.enabled && p.surface === 'web').map((p) => p.code);
    if (web.length === 0) return skip('no web providers declared (mobile-SDK providers are not offered in the widget)');
    try {
      const session = await client.generateWidgetSession(web, budget);
      const expiry = session.expiresIn !== undefined ? ` (expires in ${session.expiresIn} s)` : '';
      return pass(`Terra issued a widget session for ${web.join(', ')}${expiry}`);
    } catch (error) {
      if (isCredentialRejection(error)) {
        return fail(`Terra refused the widget session: ${describeError(error)}; check TERRA_API_KEY and dev-id ${target.devId}`);
      }
      if (error instanceof TerraCallError && error.status === 400) {
        return fail(`Terra refused the widget request: ${describeError(error)}; check the provider codes, or skip this check with --skip widget.session`);
      }
      return fail(`no widget session: ${describeError(error)}; ${adviceFor(error, target.apiBaseUrl)}`);
    }
  },
};
