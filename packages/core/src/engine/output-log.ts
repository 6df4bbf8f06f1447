import type { OutputChunk } from './run-record.js';

/** What tasks printed during a run, kept up to a cap so a task flooding stdout cannot exhaust memory. */
export class OutputLog {
  readonly chunks: OutputChunk[] = [];
  truncated = false;
  private bytes = 0;

  constructor(private readonly capBytes = 256 * 1024) {}

  add(unit: number, stream: 'stdout' | 'stderr', text: string): void {
    if (this.bytes >= this.capBytes) {
      this.truncated = true;
      return;
    }
    const room = this.capBytes - this.bytes;
    const kept = text.length > room ? text.slice(0, room) : text;
    if (kept.length < text.length) this.truncated = true;
    this.bytes += kept.length;
    this.chunks.push({ unit, stream, text: kept });
  }
}
