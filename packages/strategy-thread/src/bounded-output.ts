/**
 * What a unit's task prints, on its way to `spec.output`. Chunks that arrive in one turn of the event loop
 * are joined into one call; past `capChars` per stream and turn the rest is dropped and counted, so a task
 * printing in a tight loop costs bounded memory here and tells the user what was lost.
 */
type Stream = 'stdout' | 'stderr';

export class BoundedOutput {
  private readonly pending: Record<Stream, string> = { stdout: '', stderr: '' };
  private readonly dropped: Record<Stream, number> = { stdout: 0, stderr: 0 };
  private scheduled = false;

  constructor(
    private readonly sink: (stream: Stream, text: string) => void,
    private readonly capChars = 256 * 1024,
  ) {}

  push(stream: Stream, text: string): void {
    const room = this.capChars - this.pending[stream].length;
    if (text.length <= room) this.pending[stream] += text;
    else {
      if (room > 0) this.pending[stream] += text.slice(0, room);
      this.dropped[stream] += text.length - Math.max(0, room);
    }
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    for (const stream of ['stdout', 'stderr'] as const) {
      const text = this.pending[stream];
      const dropped = this.dropped[stream];
      this.pending[stream] = '';
      this.dropped[stream] = 0;
      if (text) this.sink(stream, text);
      if (dropped)
        this.sink(
          stream,
          `\n[concur: dropped ${dropped} characters of ${stream}: the task printed faster than they could be passed on]\n`,
        );
    }
  }
}
