// Resident memory added per idle unit, measured in a fresh process of its own:
//   node --expose-gc bench/idle-rss.mjs thread|worker COUNT
// `thread`: units of this strategy, ready and idle. `worker`: bare `new Worker()`s, for reference.
import { Worker } from 'node:worker_threads';
import { makeSpec } from '@concur/core/testkit';
import strategy from '../dist/index.js';

const [kind = 'thread', countText = '8'] = process.argv.slice(2);
const count = Number(countText);
const tiny = new URL('./tasks/tiny.mjs', import.meta.url).href;
const hand = new URL('./tasks/hand-worker.mjs', import.meta.url);

const settle = async () => {
  for (let i = 0; i < 3; i += 1) {
    globalThis.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return process.memoryUsage.rss();
};

// Warm the modules both kinds share, so the figure is per unit, not first-use costs.
const warm = kind === 'thread' ? await strategy.spawn(makeSpec(tiny)) : undefined;
await warm?.run({ index: 0, input: 0 });
await warm?.close();
const before = await settle();
const units = [];
for (let i = 0; i < count; i += 1) {
  if (kind === 'thread') {
    const unit = await strategy.spawn(makeSpec(tiny, { unit: i }));
    await unit.run({ index: i, input: i });
    units.push(() => unit.close());
  } else {
    const worker = new Worker(hand);
    await new Promise((resolve) => {
      worker.once('message', resolve);
      worker.postMessage(i);
    });
    units.push(() => worker.terminate());
  }
}
const after = await settle();
await Promise.all(units.map((stop) => stop()));
process.stdout.write(`${JSON.stringify({ kind, count, perUnitBytes: (after - before) / count })}\n`);
