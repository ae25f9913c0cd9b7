import type { Severity } from '../core/diagnostic';
import { ruleManualUrl } from '../core/project-urls';
import { sourcesOf, type RuleMeta } from '../core/rule-meta';

export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A rule as a SARIF reportingDescriptor (SARIF 2.1.0 §3.49) with what GitHub code scanning reads from it
 * (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning):
 * `help` says what is wrong and how to fix it, `helpUri` is the rule's section of the manual, and security
 * rules carry `security-severity` and the `security` tag. The rule's primary sources stay in `properties`.
 */
export function reportingDescriptor(rule: RuleMeta) {
  const helpUri = ruleManualUrl(rule.id);
  const sources = sourcesOf(rule);
  return {
    id: rule.id,
    name: friendlyName(rule.id),
    shortDescription: { text: firstSentence(rule.description) },
    fullDescription: { text: rule.description },
    helpUri,
    help: { text: helpText(rule, sources, helpUri), markdown: helpMarkdown(rule, sources, helpUri) },
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: {
      sources,
      ...(rule.security
        ? {
            // GitHub reads a string holding one decimal place ("9.0").
            'security-severity': rule.security.score.toFixed(1),
            tags: ['security', ...rule.security.cwe.map((id) => `external/cwe/cwe-${id}`)],
          }
        : {}),
    },
  };
}

/**
 * The Pascal-case friendly name SARIF asks for beside the id (§3.49.7: it must differ from the id; the
 * Multitool's SARIF1001 and SARIF2012): `stack-secret-present` becomes `StackSecretPresent`.
 */
export function friendlyName(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** The first sentence: one that ends in a full stop followed by a capital letter, or all of it. */
function firstSentence(text: string): string {
  const end = /\.\s+(?=[A-Z])/.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}

function helpText(rule: RuleMeta, sources: readonly string[], helpUri: string): string {
  return [rule.description, `How to fix: ${rule.fix}`, `Sources: ${sources.join('; ')}`, `Manual: ${helpUri}`].join('\n\n');
}

function helpMarkdown(rule: RuleMeta, sources: readonly string[], helpUri: string): string {
  return [
    rule.description,
    `**How to fix:** ${rule.fix}`,
    ['**Sources:**', ...sources.map((source) => `- ${sourceMarkdown(source)}`)].join('\n'),
    `[\`${rule.id}\` in the terra-iac manual](${helpUri})`,
  ].join('\n\n');
}

/** A URL becomes an autolink (a trailing remark stays text); a named document stays as written, escaped. */
function sourceMarkdown(source: string): string {
  const url = /^(https?:\/\/[^\s<>]+)(.*)$/.exec(source);
  return url ? `<${url[1]}>${escapeMarkdown(url[2]!)}` : escapeMarkdown(source);
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}
