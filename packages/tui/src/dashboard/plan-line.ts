/**
 * What the setup screen's choices will take, said before Enter: how many runs of how many items, and where
 * the workload's own params tell an item's wait (`ms`, `latencyMs`), the least the sequential baseline will
 * take, which alone can dwarf the comparison (10,000 GETs of 100 ms one after another: 17 minutes a run).
 */
import { formatDuration } from '@concur/core/orchestrate';
import type { SetupForm } from './setup-form.js';

/** Params whose value is the wait of one item, in ms, in the built-in workloads. */
const WAIT_PARAMS = ['ms', 'latencyMs'] as const;

export function planLine(form: SetupForm): string {
  const runs = positive(form.runs) ?? 3;
  const levels = form.concurrency.trim() === '' ? 1 : form.concurrency.split(',').length;
  const strategies = form.strategies.length;
  const total = runs * (1 + strategies * levels);
  const items = positive(form.params.items ?? '');
  const itemsText = items === undefined ? '' : ` of ${items.toLocaleString('en-US')} items each`;
  let line = `Plan: ${total} runs${itemsText} (the baseline and ${strategies} strateg${strategies === 1 ? 'y' : 'ies'}${levels > 1 ? ` at ${levels} levels` : ''}, ${runs} run${runs === 1 ? '' : 's'} each)`;
  const wait = WAIT_PARAMS.map((name) => positive(form.params[name] ?? '')).find((ms) => ms !== undefined);
  if (items !== undefined && wait !== undefined) {
    const baseline = items * wait;
    line += `; the sequential baseline waits at least ${formatDuration(baseline)} a run`;
    if (baseline > 60_000) line += ' (concur run --baseline sample measures 300 items and scales them)';
  }
  return line;
}

function positive(text: string): number | undefined {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) && value > 0 ? value : undefined;
}
