/**
 * Advice in plain words, derived only from what was measured: which kind of unit won and why (cores, waiting,
 * start-up cost, memory). It never restates the article's rule of thumb without the figures behind it.
 */
import { BASELINE_NAME } from '../engine/run-record.js';
import { coresBusy } from './cpu-figure.js';
import { formatBytes, formatDuration } from './format.js';
import { mostlyFailed } from './summarize.js';
import type { StrategySummary, VerdictLine } from './types.js';
import { SHORT_RUN_ADVICE, tooShort } from './verdict.js';

export function recommend(summary: readonly StrategySummary[], verdict: readonly VerdictLine[]): string {
  // A row whose every run was cut short has a wall time that says when it was stopped, and one whose items
  // mostly failed says how fast they failed: neither can win.
  const finished = summary.filter(
    (s) => s.strategy !== BASELINE_NAME && !s.partial && Number.isFinite(s.wall.median),
  );
  if (finished.length === 0) return 'Nothing finished, so there is nothing to recommend yet.';
  const rows = finished.filter((s) => !mostlyFailed(s.failedShare));
  const failedOut = finished.filter((s) => mostlyFailed(s.failedShare));
  const failedNote = failedOut.length
    ? `Most items failed under ${failedOut.map((r) => `${r.strategy} (${r.failures})`).join(', ')}, so ${failedOut.length === 1 ? 'it has' : 'they have'} no speedup and cannot win: see the failures.`
    : '';
  if (rows.length === 0)
    return `Most items failed under every strategy, so there is nothing to recommend: fix what the failures say and run again.`;
  const best = rows.reduce((a, b) => (b.wall.median < a.wall.median ? b : a));
  const lines: string[] = [];
  if (tooShort(best))
    return [
      `This comparison cannot choose: ${best.strategy}'s runs took ${formatDuration(best.wall.median)}, and ${SHORT_RUN_ADVICE} (--items, or the workload's own parameters).`,
      failedNote,
    ]
      .filter(Boolean)
      .join(' ');
  const speedup = best.speedup ? ` (${best.speedup.value.toFixed(2)}× the sequential baseline)` : '';
  const beaten = verdict.filter((v) => v.winner === best.strategy && v.concurrency === best.concurrency);
  const clear = beaten.filter((v) => v.significant);
  // The task's own threads' figure, never more than they could use: V8's threads are not the task's cores.
  const cores = coresBusy(best);

  if (beaten.length > 0 && clear.length === 0)
    lines.push(
      `No strategy was faster beyond the noise; ${best.strategy} had the lowest median${speedup}. Run more (--runs 5) before choosing, or choose on memory and start-up below.`,
    );
  else if (cores >= 1.3)
    lines.push(
      `CPU-bound here: ${best.strategy} won by keeping ${cores.toFixed(1)} cores busy${speedup}. Use units that run in parallel; a single event loop cannot use a second core.`,
    );
  else if (cores < 0.5)
    lines.push(
      `I/O-bound here: the work mostly waits (CPU ${Math.round(cores * 100)} % of one core), so concurrency, not cores, decided it; ${best.strategy} won${speedup}.`,
    );
  else
    lines.push(
      `${best.strategy} won${speedup}; the work used about one core (CPU ${Math.round(cores * 100)} %).`,
    );

  const slowStarters = rows.filter((row) => row !== best && row.startupMs > 0.3 * row.wall.median);
  if (slowStarters.length > 0)
    lines.push(
      `Start-up cost decided it for ${slowStarters
        .map(
          (row) =>
            `${row.strategy} (${formatDuration(row.startupMs)} of ${formatDuration(row.wall.median)} spent starting units)`,
        )
        .join(', ')}.`,
    );
  const heaviest = rows.reduce((a, b) => (b.peakRssBytes > a.peakRssBytes ? b : a));
  if (heaviest !== best && best.peakRssBytes > 0 && heaviest.peakRssBytes > 2 * best.peakRssBytes)
    lines.push(
      `Memory: ${best.strategy} peaked at ${formatBytes(best.peakRssBytes)}, ${heaviest.strategy} at ${formatBytes(heaviest.peakRssBytes)}.`,
    );
  const failing = rows.filter((r) => r.failures > 0);
  if (failing.length > 0)
    lines.push(
      `Items failed under ${failing.map((r) => `${r.strategy} (${r.failures})`).join(', ')}: see the failures before trusting the times.`,
    );
  if (failedNote) lines.push(failedNote);
  return lines.join(' ');
}
