import { SOURCES } from '../catalog/sources';
import type { Rule } from '../validate/rule-contract';
import { modeledEnvironments } from './util/environments';
import { parseHttpUrl } from './util/hosts';

const WIDGET_SESSION = `${SOURCES.openapiV2}: generateWidgetSession answers https://widget.tryterra.co/session/<uuid>`;

/** The widget is an HTTPS page: browsers block or flag an http:// image on it as mixed content. */
export const widgetLogoHttps: Rule = {
  id: 'widget-logo-https',
  severity: 'error',
  description: 'widget.logoUrl must be an HTTPS URL: the connect widget is served over HTTPS, where an http:// logo is mixed content that browsers block.',
  source: WIDGET_SESSION,
  fix: 'Serve the logo over HTTPS and write its `https://` URL in `widget.logoUrl`.',
  check(ctx) {
    for (const env of modeledEnvironments(ctx)) {
      const logo = env.model.widget?.logoUrl;
      if (logo === undefined) continue;
      const url = parseHttpUrl(logo);
      if (url?.protocol !== 'http:') continue;
      ctx.report(env.file, {
        path: ['widget', 'logoUrl'],
        message: 'widget logo URL uses http://; the widget page is HTTPS and will not show it',
        hint: `serve the logo over HTTPS: https://${url.host}${url.pathname}`,
      });
    }
  },
};
