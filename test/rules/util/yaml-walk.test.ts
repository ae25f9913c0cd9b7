import { describe, expect, it } from 'vitest';
import { LineCounter } from 'yaml';
import { LineIndex } from '../../../src/load/line-index';
import { parseFully } from '../../../src/load/parse-fully';
import { parseYaml } from '../../../src/load/parse-yaml';
import { walkDocument, type ScalarSite } from '../../../src/rules/util/yaml-walk';
import { shippedFiles } from '../../property/shipped-files';

/** Every scalar site a walk reports, written out so two walks can be compared. */
function sites(parsed: ReturnType<typeof parseYaml>): string[] {
  const out: string[] = [];
  walkDocument(parsed.tree, parsed.data, (site: ScalarSite) => out.push(JSON.stringify([site.path(), site.key, site.value, site.siblings])));
  return out;
}

const HAND_WRITTEN = [
  'a: 1\nb:\n  - x\n  - y: z\n    w: [p, q]\nc: { fromEnv: SECRET_VALUE_NAME }\n',
  'config:\n  terra-iac:apiKey:\n    secure: v1:abc:def\n  aws:region: eu-west-1\n',
  'list:\n- one\n- two\n- inner:\n  - nested\nempty:\nquoted: "a b"\n',
];

describe('walkDocument over the data of a fast-parsed file', () => {
  const texts = [...Object.values(shippedFiles()), ...HAND_WRITTEN];

  it('takes the fast path for these texts, so the data walk is what runs', () => {
    for (const text of HAND_WRITTEN) expect(parseYaml(text).tree.mirroredByData, text).toBe(true);
  });

  it('reports the same sites, in the same order, as the walk of yaml’s tree', () => {
    for (const text of texts) {
      const fast = parseYaml(text);
      const full = parseFully(text);
      expect(full.tree.mirroredByData).toBe(false);
      expect(sites(fast), text).toEqual(sites(full));
    }
  });
});

describe('LineIndex', () => {
  it('gives every offset the line and column yaml’s LineCounter gives it', () => {
    for (const text of [...Object.values(shippedFiles()), '', '\n', 'a', 'a\n\nb', '\n\n\nx\n']) {
      const counter = new LineCounter();
      counter.addNewLine(0);
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) counter.addNewLine(i + 1);
      const index = new LineIndex(text);
      for (let offset = 0; offset <= text.length; offset++) expect(index.linePos(offset), `${offset} of ${JSON.stringify(text.slice(0, 40))}`).toEqual(counter.linePos(offset));
    }
  });
});
