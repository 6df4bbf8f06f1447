/** Reads a run's {@link RunTimeline} back from JSON: every column an array of numbers, the item columns as long as the run's items. */
import { ITEM_OUTCOMES, NOT_SETTLED, type RunTimeline } from '../engine/run-timeline.js';
import { array, fail, integer, type Json, numberOrNaN, object } from './check.js';

export function checkRunTimeline(value: Json, path: string, items: number, units: number): RunTimeline {
  const o = object(value, path);
  const samples = object(o.samples, `${path}.samples`);
  const loop = object(o.loop, `${path}.loop`);
  const itemColumn = <T>(key: string, each: (v: Json, p: string) => T): T[] =>
    sized(array(o[key], `${path}.${key}`, each), `${path}.${key}`, items, 'the run has items');
  const unitColumn = (key: string): number[] =>
    sized(array(o[key], `${path}.${key}`, numberOrNaN), `${path}.${key}`, units, 'the run has units');
  const timeline: RunTimeline = {
    itemUnit: itemColumn('itemUnit', (v, p) => inRange(integer(v, p), p, -1, units - 1)),
    itemStartMs: itemColumn('itemStartMs', numberOrNaN),
    itemEndMs: itemColumn('itemEndMs', numberOrNaN),
    itemOutcome: itemColumn('itemOutcome', (v, p) =>
      inRange(integer(v, p), p, NOT_SETTLED, ITEM_OUTCOMES.length - 1),
    ),
    unitSpawnMs: unitColumn('unitSpawnMs'),
    unitReadyMs: unitColumn('unitReadyMs'),
    unitEndMs: unitColumn('unitEndMs'),
    samples: {
      atMs: array(samples.atMs, `${path}.samples.atMs`, numberOrNaN),
      unit: array(samples.unit, `${path}.samples.unit`, (v, p) => inRange(integer(v, p), p, 0, units - 1)),
      cpuMs: array(samples.cpuMs, `${path}.samples.cpuMs`, numberOrNaN),
      rssBytes: array(samples.rssBytes, `${path}.samples.rssBytes`, numberOrNaN),
    },
    loop: {
      atMs: array(loop.atMs, `${path}.loop.atMs`, numberOrNaN),
      delayMs: array(loop.delayMs, `${path}.loop.delayMs`, numberOrNaN),
    },
  };
  const rows = timeline.samples.atMs.length;
  for (const key of ['unit', 'cpuMs', 'rssBytes'] as const)
    sized(timeline.samples[key], `${path}.samples.${key}`, rows, 'samples.atMs has rows');
  sized(timeline.loop.delayMs, `${path}.loop.delayMs`, timeline.loop.atMs.length, 'loop.atMs has rows');
  return timeline;
}

function sized<C extends readonly unknown[]>(column: C, path: string, length: number, why: string): C {
  if (column.length !== length) fail(path, `an array of ${length} (as ${why})`, column);
  return column;
}

function inRange(value: number, path: string, min: number, max: number): number {
  if (value < min || value > max) fail(path, `an integer from ${min} to ${max}`, value);
  return value;
}
