/**
 * What this machine can hold, checked before a comparison starts rather than discovered by running out:
 * the report keeps every item's figures for every run, and every unit costs memory of its own.
 */
import { constants } from 'node:buffer';
import { freemem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import type { Strategy } from '../contract/strategy.js';
import { formatBytes } from '../report/format.js';

/**
 * What one item costs in one run's record and in the report made of it (its latency, its service time and
 * its slice of the timeline, as numbers and as JSON text), with room to spare.
 */
export const BYTES_PER_ITEM_RUN = 64;

/**
 * The most items a comparison of `records` runs can keep: their figures must fit in a quarter of this
 * process's heap (the records, the report and its text views live at once) and their JSON in one string.
 */
export function itemCapacity(records: number): number {
  const budget = Math.min(getHeapStatistics().heap_size_limit / 4, constants.MAX_STRING_LENGTH);
  return Math.max(1, Math.floor(budget / (BYTES_PER_ITEM_RUN * Math.max(1, records))));
}

/** One line when `items` across `records` runs cannot be held here; undefined when they can. */
export function itemsProblem(items: number, records: number): string | undefined {
  const capacity = itemCapacity(records);
  if (items <= capacity) return undefined;
  const runs = records === 1 ? 'one run' : `each of ${records.toLocaleString('en-US')} runs`;
  return `${items.toLocaleString('en-US')} items in ${runs} would need about ${formatBytes(items * records * BYTES_PER_ITEM_RUN)} for their figures; at most ${capacity.toLocaleString('en-US')} fit here`;
}

/** One line when `level` units of `strategy` would not fit in the memory free now; undefined when they would. */
export function concurrencyProblem(name: string, strategy: Strategy, level: number): string | undefined {
  const perUnit = strategy.unitMemoryBytes;
  if (perUnit === undefined || !(perUnit > 0)) return undefined;
  const free = freemem();
  const fit = Math.max(1, Math.floor(free / perUnit));
  if (level <= fit) return undefined;
  return `--concurrency ${level} for ${name} units would need about ${formatBytes(level * perUnit)} (about ${formatBytes(perUnit)} each); at most ${fit.toLocaleString('en-US')} fit in the ${formatBytes(free)} free here`;
}
