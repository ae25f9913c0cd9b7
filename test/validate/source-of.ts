import type { SourceFile } from '../../src/load/source-file';
import { parseYaml } from '../../src/load/parse-yaml';

/** A parsed in-memory file, as loadProject would hand it to the locator and the rules. */
export function sourceOf(text: string, path = 'config/test.yaml'): SourceFile & { problems: ReturnType<typeof parseYaml>['problems'] } {
  const parsed = parseYaml(text);
  return {
    kind: 'environment',
    path,
    absPath: `/virtual/${path}`,
    name: 'test',
    text,
    tree: parsed.tree,
    lineCounter: parsed.lineCounter,
    data: parsed.data,
    problems: parsed.problems,
  };
}
