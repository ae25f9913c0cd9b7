/**
 * Line starts of a text, found the first time a position is asked for: most files are never located (they
 * have no finding), and at thousands of files the starts of every line were memory held to the end for nothing.
 * Positions are 1-based, as yaml's LineCounter gives them (`linePos`), which the located diagnostics print.
 */
export class LineIndex {
  private starts: Int32Array | undefined;

  constructor(private readonly text: string) {}

  linePos(offset: number): { line: number; col: number } {
    const starts = (this.starts ??= lineStarts(this.text));
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! <= offset) low = mid + 1;
      else high = mid;
    }
    // low is the count of line starts at or before the offset, so the offset is on line `low`.
    const line = Math.max(low, 1);
    return { line, col: offset - starts[line - 1]! + 1 };
  }
}

function lineStarts(text: string): Int32Array {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count);
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
  return starts;
}
