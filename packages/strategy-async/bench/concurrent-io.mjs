// Highly concurrent I/O: 10,000 items × 100 ms wait at concurrency 10,000, each round in a fresh process,
// the four ways interleaved round by round.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { median } from './shared.mjs';

const run = promisify(execFile);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const WAYS = ['engine', 'slots', 'plimit', 'bare'];
const round = fileURLToPath(new URL('./concurrent-io-round.mjs', import.meta.url));

async function once(via) {
  const { stdout } = await run(process.execPath, ['--expose-gc', round, via]);
  return JSON.parse(stdout.trim());
}

export async function benchConcurrentIo() {
  const rows = Object.fromEntries(WAYS.map((way) => [way, []]));
  for (let i = 0; i < ROUNDS; i += 1) for (const way of WAYS) rows[way].push(await once(way));
  const medians = (way) => {
    const keys = Object.keys(rows[way][0]).filter((key) => key !== 'via');
    return Object.fromEntries(keys.map((key) => [key, median(rows[way].map((row) => row[key]))]));
  };
  // Ratios per round, so that a slow moment of a shared machine hits both sides of each ratio alike.
  const ratio = (a, b, key) => median(rows[a].map((row, i) => row[key] / rows[b][i][key]));
  return {
    items: 10_000,
    waitMs: 100,
    rounds: ROUNDS,
    ...Object.fromEntries(WAYS.map((way) => [way, medians(way)])),
    engineRunOverBare: ratio('engine', 'bare', 'runMs'),
    slotsRunOverBare: ratio('slots', 'bare', 'runMs'),
    slotsRunOverPLimit: ratio('slots', 'plimit', 'runMs'),
  };
}
