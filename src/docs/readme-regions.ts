/** A generated region of README.md, between `<!-- BEGIN name -->` and `<!-- END name -->`. */
export interface Region {
  name: string;
  content: string;
}

/**
 * Replaces the text between each region's markers, leaving everything else as it is (others edit the rest).
 * Throws when a marker is missing, so a renamed heading cannot silently drop the generated text.
 */
export function replaceRegions(readme: string, regions: readonly Region[]): string {
  let out = readme;
  for (const { name, content } of regions) {
    const begin = `<!-- BEGIN ${name} -->`;
    const end = `<!-- END ${name} -->`;
    const start = out.indexOf(begin);
    const stop = out.indexOf(end);
    if (start === -1 || stop === -1 || stop < start) throw new Error(`README.md lacks the ${begin} / ${end} markers`);
    out = `${out.slice(0, start + begin.length)}\n${content.trim()}\n${out.slice(stop)}`;
  }
  return out;
}
