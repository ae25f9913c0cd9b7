import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputChannel } from '../../src/cli/output-channel';

const dir = mkdtempSync(join(tmpdir(), 'terra-iac-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A real FIFO with both ends open without blocking: what a parent in non-blocking mode hands the CLI. */
function fifo(name: string): { reader: number; writer: number } {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  const reader = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const writer = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
  return { reader, writer };
}

/** Everything readable from a non-blocking descriptor until `isDone` and the pipe is empty. */
async function drain(fd: number, isDone: () => boolean): Promise<string> {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(65_536);
  for (;;) {
    try {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n > 0) {
        chunks.push(Buffer.from(buffer.subarray(0, n)));
        continue;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
    if (isDone()) return Buffer.concat(chunks).toString('utf8');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('OutputChannel', () => {
  it('hands over to the stream when a non-blocking pipe is full, and keeps the order', async () => {
    const { reader, writer } = fifo('full');
    let streamed = false;
    const errors: unknown[] = [];
    const channel = new OutputChannel(
      writer,
      () => {
        streamed = true;
        return new Socket({ fd: writer, readable: false, writable: true }) as unknown as NodeJS.WriteStream;
      },
      (error) => errors.push(error),
      false,
    );
    // Four pipes' worth with nobody reading: the direct write fills the pipe and meets EAGAIN.
    const lines = Array.from({ length: 5_000 }, (_, i) => `line ${i} ${'x'.repeat(40)} ü\n`);
    for (const line of lines) channel.write(line);
    expect(streamed).toBe(true);
    let flushed = false;
    channel.flush(() => (flushed = true));
    const text = await drain(reader, () => flushed);
    closeSync(reader);
    expect(errors).toEqual([]);
    expect(text).toBe(lines.join(''));
  });

  it('writes directly, without the stream, while the pipe takes it', async () => {
    const { reader, writer } = fifo('direct');
    let streamed = false;
    const channel = new OutputChannel(writer, () => ((streamed = true), process.stdout), () => undefined, false);
    channel.write('one\n');
    channel.write('two ü\n');
    let flushed = false;
    channel.flush(() => (flushed = true));
    expect(flushed).toBe(true);
    closeSync(writer);
    expect(await drain(reader, () => true)).toBe('one\ntwo ü\n');
    closeSync(reader);
    expect(streamed).toBe(false);
  });

  it('ends the output quietly once the reader is gone (EPIPE)', () => {
    const { reader, writer } = fifo('gone');
    closeSync(reader);
    const errors: unknown[] = [];
    const channel = new OutputChannel(writer, () => process.stdout, (error) => errors.push(error), false);
    channel.write('nobody reads this\n');
    channel.write('nor this\n');
    let flushed = false;
    channel.flush(() => (flushed = true));
    closeSync(writer);
    expect(errors).toEqual([]);
    expect(flushed).toBe(true);
  });
});
