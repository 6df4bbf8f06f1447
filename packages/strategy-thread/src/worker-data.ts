/** What a thread unit's worker is started with (`workerData`). */
export interface WorkerData {
  readonly task: string;
  readonly unit: number;
  /** The run's progress board and this unit's slot in it: the worker writes progress there, never sends it. */
  readonly progressBuffer: SharedArrayBuffer;
  readonly progressIndex: number;
}
