/** `1 error`, `2 errors`: counts in messages, summaries and reports. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
