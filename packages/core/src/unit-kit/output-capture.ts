import type { Readable } from 'node:stream';

/** What a unit may print before the rest of its output is dropped, unless its strategy's options say otherwise. */
export const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;
/** How much of the end of stderr is kept to explain a death ("JavaScript heap out of memory"). */
const TAIL_CHARS = 4096;

/**
 * The one output-limit policy of every unit that prints through pipes (a child process, a worker thread):
 * forward what it prints to `forward`, up to `limitBytes` per unit; past that, say once that the rest
 * was dropped and keep draining the pipe, so a task flooding stdout blocks neither itself nor the engine's
 * memory. The last few kilobytes of stderr are kept apart, whatever the limit, for exit reasons.
 */
export class OutputCapture {
  private forwardedBytes = 0;
  private truncated = false;
  private stderrTail = '';
  private ended = 0;
  private readonly allEnded: Promise<void>;

  constructor(
    streams: { stdout: Readable | null; stderr: Readable | null },
    private readonly forward: (stream: 'stdout' | 'stderr', text: string) => void,
    private readonly limitBytes: number,
  ) {
    const pipes = [
      ['stdout', streams.stdout],
      ['stderr', streams.stderr],
    ] as const;
    let settle: () => void = () => {};
    this.allEnded = new Promise((resolve) => (settle = resolve));
    for (const [name, stream] of pipes) {
      if (!stream) {
        this.ended += 1;
        continue;
      }
      stream.setEncoding('utf8');
      stream.on('data', (text: string) => this.take(name, text));
      stream.on('close', () => {
        this.ended += 1;
        if (this.ended === pipes.length) settle();
      });
    }
    if (this.ended === pipes.length) settle();
  }

  /** The end of what the child wrote to stderr. */
  get tail(): string {
    return this.stderrTail;
  }

  /** Resolves once both pipes are closed, or after `ms` (a grandchild may hold them open). */
  drained(ms: number): Promise<void> {
    return Promise.race([this.allEnded, new Promise<void>((r) => setTimeout(r, ms).unref())]);
  }

  private take(stream: 'stdout' | 'stderr', text: string): void {
    if (stream === 'stderr') this.stderrTail = (this.stderrTail + text).slice(-TAIL_CHARS);
    if (this.truncated) return;
    const bytes = Buffer.byteLength(text);
    if (this.forwardedBytes + bytes <= this.limitBytes) {
      this.forwardedBytes += bytes;
      this.forward(stream, text);
      return;
    }
    // Forward what still fits, cut on a character boundary, then one note instead of the rest.
    const fits = Buffer.from(text)
      .subarray(0, this.limitBytes - this.forwardedBytes)
      .toString('utf8');
    const head = fits.endsWith('\uFFFD') && !text.startsWith(fits) ? fits.slice(0, -1) : fits;
    this.truncated = true;
    this.forwardedBytes += Buffer.byteLength(head);
    if (head) this.forward(stream, head);
    this.forward(
      'stderr',
      `\n[concur: this unit printed more than ${this.limitBytes} bytes; the rest of its output is dropped (option maxOutputBytes)]\n`,
    );
  }
}
