import { z } from 'zod';

/**
 * JSON Schema keywords an editor reads, added to one zod schema's node in the published schemas/*.json only.
 * Besides standard keywords (a stricter `pattern`, `propertyNames`, `patternProperties`) it takes the
 * yaml-language-server extensions `markdownDescription`, `patternErrorMessage` and `errorMessage`
 * (https://github.com/redhat-developer/yaml-language-server#more-examples-of-schema-association, and its
 * jsonSchema.ts). The CLI's schema stage never sees these: the semantic rules make these checks there, with
 * their tiers, did-you-mean suggestions and UNCONFIRMED leniency, so the CLI reports each problem once.
 */
export interface EditorAnnotations {
  description?: string;
  markdownDescription?: string;
  pattern?: string;
  patternErrorMessage?: string;
  errorMessage?: string;
  type?: string;
  propertyNames?: Record<string, unknown>;
  patternProperties?: Record<string, Record<string, unknown>>;
  additionalProperties?: boolean | Record<string, unknown>;
  /** Conditions a rule checks between fields, where JSON Schema can state them. */
  if?: Record<string, unknown>;
  then?: Record<string, unknown>;
  else?: Record<string, unknown>;
  allOf?: Record<string, unknown>[];
  properties?: Record<string, unknown>;
}

/** `enabled: false` written out (every object keyword with its `type`, as strict ajv asks): the condition under which a rule leaves a declared provider alone. */
export const DISABLED = { type: 'object', required: ['enabled'], properties: { enabled: { const: false } } };

/** Zod schemas of the model register their editor-only annotations here (`schema.register(EDITOR, {...})`). */
export const EDITOR = z.registry<EditorAnnotations>();

/** An https URL, as the `http(s) URL` pattern of src/model/patterns.ts but without plain http. */
export const HTTPS_URL_PATTERN = '^https://[^\\s/?#]+[^\\s]*$';

/**
 * An https URL with no `user:password@` part: the webhook-url-credentials rule's user-info check (WHATWG URL
 * user name or password non-empty, i.e. a character other than `:` before the authority's last `@`). Its check
 * of secret-shaped query values needs an entropy measure, so that stays a rule.
 */
export const HTTPS_URL_WITHOUT_USERINFO_PATTERN = '^https://(?![^\\s/?#\\\\]*[^\\s/?#\\\\:][^\\s/?#\\\\]*@)[^\\s/?#]+[^\\s]*$';

/**
 * https, or plain http to an IP address (the admin-base-url rule allows http to loopback addresses only; the
 * WHATWG URL parser reads 127.1, 0x7f.0.0.1 and [::ffff:7f00:1] as loopback too, so any address form passes
 * here and the rule judges which). A host name over http is never loopback there: `localhost` is a local name.
 */
export const HTTPS_OR_HTTP_IP_URL_PATTERN =
  '^(https://[^\\s/?#]+[^\\s]*|http://([^\\s/?#\\\\]*@)?(\\[[0-9A-Fa-f:.]+\\]|[0-9][0-9A-Fa-fXx.]*)(:[0-9]*)?([/?#\\\\][^\\s]*)?)$';
