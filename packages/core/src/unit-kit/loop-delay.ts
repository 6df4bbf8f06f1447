import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';

/** The figures of a {@link LoopDelay}, in milliseconds. */
export interface LoopDelayFigures {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/**
 * The calling thread's event-loop delay: the time between ticks of a 10 ms timer (so 10 ms when idle), the
 * same figure as Node's `monitorEventLoopDelay`, but primed when it starts: Node's own monitor drops the
 * interval before its first tick, and a run dispatches right after it starts, so a first item that blocks
 * the loop would go unseen. One measure for the engine and for strategies whose units share its loop.
 */
export class LoopDelay {
  static readonly RESOLUTION_MS = 10;
  private readonly histogram: RecordableHistogram = createHistogram();
  private ticker: NodeJS.Timeout | undefined;

  constructor() {
    this.histogram.recordDelta();
    // One unref'd timer: it never keeps the process alive.
    this.ticker = setInterval(() => this.histogram.recordDelta(), LoopDelay.RESOLUTION_MS).unref();
  }

  get running(): boolean {
    return this.ticker !== undefined;
  }

  /** The figures so far; zeros before the first tick (an empty histogram reports a huge minimum). */
  read(): LoopDelayFigures {
    const h = this.histogram;
    if (h.count === 0) return { p50Ms: 0, p99Ms: 0, maxMs: 0 };
    return { p50Ms: h.percentile(50) / 1e6, p99Ms: h.percentile(99) / 1e6, maxMs: h.max / 1e6 };
  }

  /** The figures, and no more ticks. */
  stop(): LoopDelayFigures {
    const figures = this.read();
    clearInterval(this.ticker);
    this.ticker = undefined;
    return figures;
  }
}
