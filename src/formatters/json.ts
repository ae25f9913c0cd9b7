import { jsonSafe } from '../core/safe-text';
import type { Formatter } from './types';

/** `{ diagnostics: [...], summary: { errors, warnings, files } }`, the shape the README documents. */
export const formatJson: Formatter = (diagnostics, ctx) => {
  const { errors, warnings, infos, files } = ctx.summary;
  return `${jsonSafe(JSON.stringify({ diagnostics: diagnostics.map(({ sensitive: _sensitive, ...d }) => d), summary: { errors, warnings, infos, files } }, null, 2))}\n`;
};
