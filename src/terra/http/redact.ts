import { flattenRemoteText } from '../../core/safe-text';

/** Replaces every occurrence of the given secrets in a text; the one gate every smoke output passes. */
export type Redactor = (text: string) => string;

export const REDACTED = '[REDACTED]';

/**
 * A redactor for these secret values, in the forms a server or a library may echo them: raw, URL-encoded,
 * JSON-escaped. Longer secrets are replaced first so a secret containing another is not half-masked.
 */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  const ordered = [...forms].filter(Boolean).sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const form of ordered) out = out.split(form).join(REDACTED);
    return out;
  };
}

/**
 * Text a remote server chose (error details, titles) made safe for a terminal: the remote-text policy of
 * core/safe-text.ts (unsafe characters and line breaks flattened to a space, length bounded). Redaction
 * still happens afterwards.
 */
export function sanitizeRemoteText(text: string, maxLength = 200): string {
  return flattenRemoteText(text, maxLength);
}
