// Highly concurrent I/O: 10,000 items × 100 ms wait at concurrency 10,000, each round in a fresh process,
// slots, p-limit and bare Promise.all interleaved.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { median } from './shared.mjs';

const run = promisify(execFile);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const round = fileURLToPath(new URL('./concurrent-io-round.mjs', import.meta.url));

async function once(via) {
  const { stdout } = await run(process.execPath, ['--expose-gc', round, via]);
  return JSON.parse(stdout.trim());
}

export async function benchConcurrentIo() {
  const results = { slots: [], plimit: [], bare: [] };
  for (let i = 0; i < ROUNDS; i += 1) {
    results.slots.push(await once('slots'));
    results.plimit.push(await once('plimit'));
    results.bare.push(await once('bare'));
  }
  const pick = (rows, key) => median(rows.map((r) => r[key]));
  return {
    items: 10_000,
    waitMs: 100,
    rounds: ROUNDS,
    slots: {
      wallMs: pick(results.slots, 'wallMs'),
      wallOverWait: pick(results.slots, 'wallMs') / 100,
      startupMs: pick(results.slots, 'startupMs'),
      runMs: pick(results.slots, 'runMs'),
      runOverWait: pick(results.slots, 'runMs') / 100,
      rssPerSlotBytes: pick(results.slots, 'rssPerSlotBytes'),
      rssPerInFlightItemBytes: pick(results.slots, 'rssPerInFlightItemBytes'),
      rssPerItemTotalBytes: pick(results.slots, 'rssPerItemTotalBytes'),
    },
    bare: {
      runMs: pick(results.bare, 'runMs'),
      rssPerItemTotalBytes: pick(results.bare, 'rssPerItemTotalBytes'),
    },
    plimit: {
      runMs: pick(results.plimit, 'runMs'),
      runOverWait: pick(results.plimit, 'runMs') / 100,
      rssPerItemTotalBytes: pick(results.plimit, 'rssPerItemTotalBytes'),
    },
  };
}
