import type { ImportSource } from './import-read';
import { maskSuffix } from './normalize';

/**
 * Whether any text an import is about to write or print holds one of the masks Terra answered with
 * (`****4321` for a client secret, `api_key_masked`, `signing_secret_masked`). The import never copies
 * one, so this is a last check that it stays so: a mask's visible characters are part of a secret.
 */
export function holdsMask(texts: readonly string[], source: ImportSource): boolean {
  const masks = [
    ...source.observed.credentials.map((c) => c.secretMask),
    source.detail?.api_key_masked,
    source.detail?.signing_secret_masked,
  ].filter((mask): mask is string => mask !== undefined && maskSuffix(mask) !== undefined);
  return masks.some((mask) => texts.some((text) => text.includes(mask)));
}
