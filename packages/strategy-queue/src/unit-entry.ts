/**
 * A unit's own process: `node unit-entry.js '<UnitConfig as JSON>'`, forked by the strategy (local workers) or
 * by `concur worker` (remote ones). It is the unit kit's `serveUnit` over the broker: a BullMQ worker takes the
 * unit's jobs (one per item, `inFlight` at once), the `to` channel brings the kit's other messages, and
 * everything the unit says goes back on the `from` channel, results batched one message per turn of the loop.
 */
import { hostname } from 'node:os';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FromUnit, ToUnit } from '@concur/core/runtime';
import {
  channelsOf,
  decode,
  decodeInput,
  encode,
  type FromSupervisor,
  type ItemJob,
  type UnitConfig,
} from './protocol.js';
import { removeKeys } from './remove-keys.js';
import { sampleSelf, startsNow } from './sample-self.js';

/** At most this many progress messages per second leave the unit, whatever the task does. */
const PROGRESS_INTERVAL_MS = 50;
/** A unit busy in a long item still reports its figures along with its progress, this often at most. */
const FIGURES_INTERVAL_MS = 250;
/** How long an orphaned unit may spend removing its keys before it leaves anyway. */
const ORPHAN_CLEANUP_MS = 1_000;

const given = process.argv[2];
// `--spare`: a remote worker starts its next unit's process ahead of time; it loads everything, then waits
// on its IPC channel for the unit it is to serve, so a run that invites it does not wait for the loading.
const spare = given === '--spare';
if (given === undefined || (spare && !process.send)) {
  console.error(
    'unit-entry.js is started by @concur/strategy-queue or `concur worker` with its unit; do not run it alone',
  );
  process.exit(2);
}
const configured = spare ? undefined : (JSON.parse(given) as UnitConfig);

// Start importing the task while the rest loads: two waits become one. The kit imports it again (from the
// module cache) and reports any error properly, so a failure here is ignored.
const preload = (task: string) => import(isAbsolute(task) ? pathToFileURL(task).href : task).catch(() => {});
let preloaded = configured ? preload(configured.task) : undefined;
// Only the unit side of core: its main entry (engine, reports, discovery) would slow every start-up.
const [{ serveUnit, startOrphanWatchdog, throttledProgress, withinMs }, { Worker }, { Redis }] =
  await Promise.all([import('@concur/core/runtime'), import('bullmq'), import('ioredis')]);

// Whoever forked this process (the engine, or a worker's supervisor) is gone: nobody waits for results. A
// main thread stuck in a task never sees 'disconnect'; the watchdog thread covers that case.
let orphaned = (): void => process.exit(1);
if (process.send) {
  process.on('disconnect', () => orphaned());
  void startOrphanWatchdog({ who: 'this unit' });
}

const config: UnitConfig =
  configured ?? (await new Promise<UnitConfig>((resolve) => process.once('message', resolve)));
// A spare's unit starts now: its figures count from here, not from the loading before.
if (spare) startsNow();
preloaded ??= preload(config.task);
const names = channelsOf(config);

/** Leave at once when the broker goes: nothing this unit says can arrive any more. */
const lostBroker = (): never => {
  console.error(`concur: this unit lost its broker at ${config.broker}`);
  process.exit(1);
};

// One connection publishes (and serves BullMQ's worker commands), one listens on `to`; BullMQ adds its own
// blocking connection for waiting on jobs.
const redisOptions = { maxRetriesPerRequest: null, retryStrategy: () => null, enableOfflineQueue: false };
const pub = new Redis(config.broker, { ...redisOptions, lazyConnect: true, connectionName: 'concur-unit' });
const sub = new Redis(config.broker, {
  ...redisOptions,
  lazyConnect: true,
  connectionName: 'concur-unit-sub',
});
for (const redis of [pub, sub]) {
  redis.on('error', () => {});
  redis.on('end', lostBroker);
}
await Promise.all([pub.connect(), sub.connect()]).catch(lostBroker);
// An engine that died without a word removes nothing: a unit it forked removes its own keys on the way out.
if (config.cleanUpIfOrphaned)
  orphaned = () =>
    void withinMs(removeKeys(pub, names.keys), ORPHAN_CLEANUP_MS)
      .catch(() => {})
      .finally(() => process.exit(1));

// Messages for the unit may come as soon as it says it is ready; hear them from before then.
let deliver: ((message: ToUnit) => void) | undefined;
const early: ToUnit[] = [];
sub.on('messageBuffer', (_channel: Buffer, bytes: Buffer) => {
  const message = decode<ToUnit>(bytes);
  if (deliver) deliver(message);
  else early.push(message);
});
await sub.subscribe(names.to).catch(lostBroker);
await preloaded;

/** The job of each item in flight, by the kit's id, settled once its result has left. */
const jobsWaiting = new Map<number, () => void>();
/** The last message handed to Redis: the process ends only once it has been written. */
let lastSent: Promise<unknown> = Promise.resolve();

function publish(message: FromUnit | FromSupervisor): Promise<unknown> {
  // Throws synchronously when the message cannot be cloned, which the kit relies on.
  const bytes = encode(message);
  lastSent = pub.publish(names.from, bytes).catch(lostBroker);
  return lastSent;
}

function send(message: FromUnit): void {
  const sent = publish(message);
  if (message.t !== 'results') return;
  // The jobs complete once Redis has the results: by then the engine has usually put the next item on the
  // queue, and BullMQ's completion fetches it in the same call instead of waking the worker for it.
  const ids = message.results.map((result) => result.id);
  void sent.then(() => {
    for (const id of ids) {
      jobsWaiting.get(id)?.();
      jobsWaiting.delete(id);
    }
  });
}

const progress = throttledProgress((fraction) => send({ t: 'progress', fraction }), PROGRESS_INTERVAL_MS);
let figuresSentAt = 0;

await serveUnit(
  {
    send,
    listen(handler) {
      deliver = handler;
      for (const message of early.splice(0)) handler(message);
      const worker = new Worker<ItemJob>(
        config.queue,
        // The job stays active (its lock renewed) while the item runs: a worker that dies with it is seen by
        // BullMQ's stalled-job check. The outcome itself travels on `from`, batched with the others.
        (job) =>
          new Promise<void>((settled) => {
            const { i: id, x: index, d } = job.data;
            jobsWaiting.set(id, settled);
            let input: unknown;
            try {
              input = decodeInput(d);
            } catch (error) {
              const why = error instanceof Error ? error.message : String(error);
              send({
                t: 'results',
                results: [
                  {
                    id,
                    ok: false,
                    error: {
                      kind: 'not-cloneable',
                      message: `the input of item ${index} could not be read here (${why})`,
                    },
                    ms: Number.NaN,
                  },
                ],
              });
              return;
            }
            handler({ t: 'run', items: [{ id, index, input }] });
          }),
        {
          connection: pub,
          prefix: config.run,
          concurrency: config.inFlight,
          lockDuration: config.lockMs,
          // The engine dispatches, times out and retries; BullMQ only carries. A stalled job is never run again.
          maxStalledCount: 0,
          skipStalledCheck: true,
          removeOnComplete: { count: 0 },
          removeOnFail: { count: 0 },
        },
      );
      // A job whose lock was lost (its item blocked the loop past the lock) cannot be completed; the item's
      // result has gone back already, so that is no failure of the unit's.
      worker.on('error', () => {});
    },
    peer: 'the engine',
    progress(fraction) {
      progress(fraction);
      // A task busy in a loop that never yields can still be seen using its CPU and memory: its own progress
      // reports carry them. (Not the 0 and 1 of every item's start and end: the unit then answers the
      // engine's requests for figures itself, and a message more per item would only cost.)
      if (fraction === 0 || fraction === 1) return;
      const now = Date.now();
      if (now - figuresSentAt >= FIGURES_INTERVAL_MS) {
        figuresSentAt = now;
        send({ t: 'figures', figures: sampleSelf() });
      }
    },
    figures: sampleSelf,
    readyInfo: { host: hostname(), pid: process.pid },
    // Exit explicitly once the last word is written: a task may leave timers or sockets open.
    end: (code) => void lastSent.finally(() => process.exit(code)),
  },
  { task: config.task, unit: config.slot },
);
