/**
 * Where a unit writes its current item's progress. The engine reads it when a renderer samples the live
 * state, so progress never costs a message per `ctx.progress()` call.
 *
 * All cells of a run live in one SharedArrayBuffer (one Int32 per unit slot, in millionths). A worker
 * thread can write into it directly; a child process sends its latest value, throttled, and the parent
 * writes it here; an in-process unit writes it straight away.
 */
const SCALE = 1_000_000;
/** One view per buffer, shared by its cells: a run may have 10,000 cells on one board. */
const views = new WeakMap<SharedArrayBuffer, Int32Array>();

export class ProgressCell {
  private readonly view: Int32Array;

  /** `buffer` holds one Int32 per slot; this cell is slot `index`. Pass both to a worker to share it. */
  constructor(
    readonly buffer: SharedArrayBuffer,
    readonly index: number,
  ) {
    let view = views.get(buffer);
    if (!view) {
      view = new Int32Array(buffer);
      views.set(buffer, view);
    }
    this.view = view;
    if (!Number.isInteger(index) || index < 0 || index >= this.view.length)
      throw new RangeError(`ProgressCell: index ${index} is outside the buffer's ${this.view.length} slots`);
  }

  /** A cell with a buffer of its own, for a unit tested alone. */
  static standalone(): ProgressCell {
    return new ProgressCell(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT), 0);
  }

  /** A buffer for `slots` cells. */
  static board(slots: number): SharedArrayBuffer {
    return new SharedArrayBuffer(Math.max(1, slots) * Int32Array.BYTES_PER_ELEMENT);
  }

  set(fraction: number): void {
    const clamped = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
    Atomics.store(this.view, this.index, Math.round(clamped * SCALE));
  }

  get(): number {
    return Atomics.load(this.view, this.index) / SCALE;
  }
}
