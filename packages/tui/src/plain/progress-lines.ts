/**
 * Progress without a terminal: one line as each run starts and ends, and at most one progress line per
 * interval while a run goes. Snapshots arrive about ten times a second; only the latest is kept and a timer
 * prints it, so the output rate never follows the event rate.
 */

import type { RunRecord } from '@concur/core';
import {
  type CompareEvent,
  formatDuration,
  type LiveSnapshot,
  type PlannedRun,
} from '@concur/core/orchestrate';
import type { Paint } from '../cli/colour.js';

export interface ProgressLinesOptions {
  readonly paint: Paint;
  /** Named on the plan line, so a log says what ran. */
  readonly workload: string;
  /** Default 1 000 ms. */
  readonly everyMs?: number;
}

export class ProgressLines {
  private total = 0;
  private current: PlannedRun | undefined;
  /** Where the current run is in the plan: run-end does not say, it is the run that started last. */
  private currentPosition = 0;
  private latest: LiveSnapshot | undefined;
  private printed: LiveSnapshot | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly options: ProgressLinesOptions,
  ) {
    this.timer = setInterval(() => this.tick(), options.everyMs ?? 1_000);
    this.timer.unref();
  }

  /** Give this to compare's `onEvent`. */
  readonly onEvent = (event: CompareEvent): void => {
    switch (event.type) {
      case 'plan':
        this.total = event.plan.length;
        this.line(
          `${this.options.paint('bold', this.options.workload)}: ${planLine(event.plan, event.items)}`,
        );
        return;
      case 'services-ready':
        for (const [name, info] of Object.entries(event.info))
          this.line(`service ${name} ready${describeInfo(info)}`);
        return;
      case 'run-start':
        this.current = event.planned;
        this.currentPosition = event.position;
        this.latest = undefined;
        this.printed = undefined;
        this.line(`${this.position(event.position)} ${runName(event.planned)} …`);
        return;
      case 'snapshot':
        this.latest = event.snapshot;
        return;
      case 'run-end':
        this.current = undefined;
        this.latest = undefined;
        this.line(
          `${this.position(this.currentPosition)} ${runName(event.planned)}: ${this.ending(event.record)}`,
        );
        return;
    }
  };

  /** A signal arrived: say so, so the wait for the units to stop is not a mystery. */
  stopping(signal: string): void {
    this.line(this.options.paint('yellow', `${signal}: stopping every unit; the partial report follows`));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private position(index: number): string {
    return this.options.paint('dim', `[${index + 1}/${this.total}]`);
  }

  private tick(): void {
    const snapshot = this.latest;
    if (!snapshot || !this.current || snapshot === this.printed || snapshot.phase === 'done') return;
    this.printed = snapshot;
    this.line(`  ${progressLine(snapshot)}`);
  }

  private ending(record: RunRecord): string {
    const { paint } = this.options;
    const parts = [formatDuration(record.wallMs), `${record.items.done}/${record.items.total} done`];
    if (record.items.failed > 0) parts.push(paint('red', `${record.items.failed} failed`));
    if (record.replacements > 0)
      parts.push(`${record.replacements} unit${record.replacements === 1 ? '' : 's'} replaced`);
    if (record.cancelled) parts.push(paint('yellow', 'cancelled'));
    if (record.aborted) parts.push(paint('red', `aborted: ${record.aborted}`));
    return parts.join(', ');
  }

  private line(text: string): void {
    this.out.write(`${text}\n`);
  }
}

function runName(planned: PlannedRun): string {
  const run = planned.warmup ? `warmup ${planned.run}` : `run ${planned.run}`;
  return `${planned.strategy} ×${planned.concurrency} ${run}`;
}

function planLine(plan: readonly PlannedRun[], items: number): string {
  const strategies = [...new Set(plan.map((p) => p.strategy))];
  return `plan: ${plan.length} run${plan.length === 1 ? '' : 's'} of ${items} item${items === 1 ? '' : 's'} each (${strategies.join(', ')})`;
}

/** "thread ×2: 12/20 done, 1 failed, 3 in flight, 11.8 items/s, ETA 680 ms". */
export function progressLine(s: LiveSnapshot): string {
  const parts = [`${s.done}/${s.total} done`];
  if (s.failed > 0) parts.push(`${s.failed} failed`);
  parts.push(`${s.inFlight} in flight`);
  if (s.throughput > 0) parts.push(`${s.throughput.toPrecision(3)} items/s`);
  if (s.etaMs !== null) parts.push(`ETA ${formatDuration(s.etaMs)}`);
  if (s.loopDelay.maxMs >= 100) parts.push(`engine loop blocked up to ${formatDuration(s.loopDelay.maxMs)}`);
  return `${s.strategy} ×${s.concurrency} ${formatDuration(s.elapsedMs)}: ${parts.join(', ')}`;
}

function describeInfo(info: unknown): string {
  const url = (info as { url?: unknown } | null)?.url;
  return typeof url === 'string' ? ` at ${url}` : '';
}
