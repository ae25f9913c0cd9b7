import type { Severity } from './diagnostic';

/**
 * How GitHub code scanning rates a security rule: `security-severity` is a score from 0.1 to 10.0 (9.0 and
 * over critical, 7.0 high, 4.0 medium, below that low), and rules carrying it are tagged `security`
 * (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning).
 */
export interface SecurityRating {
  /** 0.1 to 10.0. */
  score: number;
  /** CWE ids the finding is an instance of (https://cwe.mitre.org/data/definitions/<id>.html); may be empty. */
  cwe: readonly number[];
}

/** What every rule (stage finding or semantic rule) tells reports and the manual about itself. */
export interface RuleMeta {
  /** kebab-case, stable: CI configurations and code-scanning alerts key on it. */
  id: string;
  severity: Severity;
  /** One sentence: what it checks and why. */
  description: string;
  /** Where the fact comes from: URLs or named documents, joined with "; " (or "terra-iac design"). */
  source: string;
  /** How to fix a finding: the change to make, in a sentence or two. */
  fix: string;
  /** Present on rules about a leaked, exposed or missing secret. */
  security?: SecurityRating;
}

/** A rule's sources one by one (`source` joins them with "; "). */
export function sourcesOf(rule: Pick<RuleMeta, 'source'>): string[] {
  return rule.source
    .split(/;\s+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
