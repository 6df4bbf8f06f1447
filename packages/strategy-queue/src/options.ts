/** The options a user can give this strategy (`--option queue.key=value`), checked and normalised in one place. */

export interface QueueOptions {
  /** The Redis every unit of the run reaches: `redis://HOST:PORT` (or `rediss://`, with a user, password, db). */
  readonly broker: string;
  /** `local`: the strategy starts a worker process per unit here; `remote`: `concur worker` processes join. */
  readonly workers: 'local' | 'remote';
  /** Jobs one worker takes at once (BullMQ's worker `concurrency`): the engine's items in flight per unit. */
  readonly inFlight: number;
  /** The namespace of the run's keys and of the lobby remote workers listen on; each run adds its own id. */
  readonly prefix: string;
  /** With remote workers: how long a unit waits for a worker to join before its start fails. */
  readonly joinTimeoutMs: number;
  /** BullMQ's lock duration: how long a worker may go without renewing its job's lock before the job stalls. */
  readonly lockMs: number;
}

export const DEFAULT_BROKER = 'redis://127.0.0.1:6379';

export const DEFAULT_OPTIONS: QueueOptions = {
  broker: DEFAULT_BROKER,
  workers: 'local',
  inFlight: 1,
  prefix: 'concur',
  // Below the engine's own 30 s start-up limit, so that this strategy's line is the one the user reads.
  joinTimeoutMs: 20_000,
  lockMs: 30_000,
};

const KNOWN = ['broker', 'workers', 'inFlight', 'prefix', 'joinTimeout', 'lockDuration'];

/** A bad option, with the one line that names it and the fix. */
export class OptionError extends Error {
  override name = 'OptionError';
}

const show = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

function positiveInteger(name: string, value: unknown): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1)
    throw new OptionError(`\`${name}\` must be a positive integer, got ${show(value)}`);
  return number;
}

/** Milliseconds as a number, or a duration as typed on a command line: "20s", "500ms", "2m". */
function duration(name: string, value: unknown): number {
  const text = typeof value === 'number' ? `${value}ms` : typeof value === 'string' ? value.trim() : '';
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/.exec(text);
  const ms = match ? Number(match[1]) * ({ ms: 1, s: 1000, m: 60_000 }[match[2] ?? 'ms'] ?? 1) : Number.NaN;
  if (!Number.isFinite(ms) || ms < 100)
    throw new OptionError(
      `\`${name}\` must be a duration of at least 100 ms such as "20s" or "500ms", got ${show(value)}`,
    );
  return Math.round(ms);
}

/** A Redis URL, checked for its shape only: whether anything answers there is `unavailable`'s question. */
export function brokerUrl(value: unknown, name = 'broker'): string {
  const bad = () =>
    new OptionError(`\`${name}\` must be a Redis URL such as redis://127.0.0.1:6379, got ${show(value)}`);
  if (typeof value !== 'string') throw bad();
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw bad();
  }
  if ((url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') throw bad();
  if (url.pathname !== '' && url.pathname !== '/' && !/^\/\d+$/.test(url.pathname)) throw bad();
  return value.trim();
}

/** A key prefix: letters, digits and `:._-`, nothing a Redis SCAN pattern would read as a wildcard. */
export function keyPrefix(value: unknown, name = 'prefix'): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9:._-]{0,63}$/.test(value))
    throw new OptionError(
      `\`${name}\` must be up to 64 letters, digits and ":._-" such as "concur" or "team-a", got ${show(value)}`,
    );
  return value;
}

/** Check and normalise the user's options; throws an {@link OptionError} naming the first bad one. */
export function parseOptions(raw: Readonly<Record<string, unknown>>): QueueOptions {
  for (const name of Object.keys(raw))
    if (!KNOWN.includes(name))
      throw new OptionError(`unknown option \`${name}\` for strategy queue; it knows ${KNOWN.join(', ')}`);
  const workers = raw.workers ?? DEFAULT_OPTIONS.workers;
  if (workers !== 'local' && workers !== 'remote')
    throw new OptionError(
      `\`workers\` must be "local" (started here, one per unit) or "remote" (\`concur worker\` processes join), got ${show(raw.workers)}`,
    );
  return {
    broker: raw.broker === undefined ? DEFAULT_OPTIONS.broker : brokerUrl(raw.broker),
    workers,
    inFlight:
      raw.inFlight === undefined ? DEFAULT_OPTIONS.inFlight : positiveInteger('inFlight', raw.inFlight),
    prefix: raw.prefix === undefined ? DEFAULT_OPTIONS.prefix : keyPrefix(raw.prefix),
    joinTimeoutMs:
      raw.joinTimeout === undefined
        ? DEFAULT_OPTIONS.joinTimeoutMs
        : duration('joinTimeout', raw.joinTimeout),
    lockMs:
      raw.lockDuration === undefined ? DEFAULT_OPTIONS.lockMs : duration('lockDuration', raw.lockDuration),
  };
}

/** The one line for `validateOptions`, or undefined when the options are fine. */
export function optionsProblem(raw: Readonly<Record<string, unknown>>): string | undefined {
  try {
    parseOptions(raw);
    return undefined;
  } catch (error) {
    if (error instanceof OptionError) return error.message;
    throw error;
  }
}
