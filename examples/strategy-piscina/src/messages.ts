/** What the main side hands each pool's one worker thread, once, as piscina's `workerData`. */
export interface UnitData {
  /** The task module every item of this unit runs. */
  readonly task: string;
  readonly unit: number;
  /** The run's progress board and this unit's slot in it: the worker writes there, never sends progress. */
  readonly progressBuffer: SharedArrayBuffer;
  readonly progressIndex: number;
}

/** What the worker answers to `ready`: its OS thread id, so the main side can read its CPU time from /proc. */
export interface ReadyAnswer {
  readonly tid: number | null;
}

/** The worker's named exports, called with `pool.run(arg, { name })`. */
export const HANDLERS = { ready: 'ready', run: 'run', close: 'close' } as const;
