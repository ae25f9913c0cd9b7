import type { AuditReport } from '../types';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';

/** One pure renderer per `terra-iac audit --format` value. */
export const AUDIT_RENDERERS: Record<'md' | 'csv' | 'json' | 'html', (report: AuditReport) => string> = {
  md: renderMarkdown,
  csv: renderCsv,
  json: renderJson,
  html: renderHtml,
};

export type AuditFormat = keyof typeof AUDIT_RENDERERS;
export const AUDIT_FORMATS = Object.keys(AUDIT_RENDERERS) as AuditFormat[];
