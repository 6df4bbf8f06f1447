import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

/** The calling thread's event-loop delay, from Node's own histogram (10 ms resolution, no timer of ours). */
export class LoopDelay {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.histogram.enable();
  }

  read(): { p50Ms: number; p99Ms: number; maxMs: number } {
    const h = this.histogram;
    // Before the first tick the histogram holds nothing and reports a huge min; say 0 rather than garbage.
    if (h.count === 0) return { p50Ms: 0, p99Ms: 0, maxMs: 0 };
    return { p50Ms: h.percentile(50) / 1e6, p99Ms: h.percentile(99) / 1e6, maxMs: h.max / 1e6 };
  }

  stop(): { p50Ms: number; p99Ms: number; maxMs: number } {
    const figures = this.read();
    this.histogram.disable();
    return figures;
  }
}
