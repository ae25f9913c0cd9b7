import { writeSync } from 'node:fs';

/**
 * Standard output or error as the CLI writes it. To a pipe or a file it writes with write(2) directly:
 * `process.stdout` on a pipe builds a socket stream, about 10 ms of a 100 ms run. A terminal, and a
 * descriptor that would block (a non-blocking pipe that is full: EAGAIN), get the Node stream, which queues;
 * from then on everything goes there, in order. A reader that went away (EPIPE: `validate | head`) ends the
 * output, not the command.
 */
export class OutputChannel {
  private stream: NodeJS.WriteStream | undefined;
  private gone = false;

  constructor(
    private readonly fd: number,
    private readonly streamOf: () => NodeJS.WriteStream,
    private readonly onError: (error: NodeJS.ErrnoException) => void,
    terminal: boolean,
  ) {
    if (terminal) this.useStream();
  }

  write(text: string): void {
    if (this.gone || text === '') return;
    if (this.stream) {
      this.stream.write(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += writeSync(this.fd, bytes, offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          this.useStream().write(bytes.subarray(offset));
          return;
        }
        if (code === 'EPIPE') this.gone = true;
        else this.onError(error as NodeJS.ErrnoException);
        return;
      }
    }
  }

  /** Calls `done` once everything written has left the process (at once, unless the stream took over). */
  flush(done: () => void): void {
    if (this.stream && !this.gone) this.stream.write('', done);
    else done();
  }

  private useStream(): NodeJS.WriteStream {
    if (!this.stream) {
      this.stream = this.streamOf();
      this.stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') this.gone = true;
        else this.onError(error);
      });
    }
    return this.stream;
  }
}
