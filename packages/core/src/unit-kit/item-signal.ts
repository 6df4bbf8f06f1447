/**
 * One item's abort signal, made on demand: an AbortController costs a few microseconds and some garbage,
 * which an item of tiny work, or one whose task never looks at `ctx.signal`, should not pay. Aborting an
 * item that has not looked yet makes its signal already aborted, with the reason, for when it does.
 */
export class ItemSignal {
  private controller: AbortController | undefined;

  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    return this.controller.signal;
  }

  abort(reason: Error): void {
    this.controller ??= new AbortController();
    this.controller.abort(reason);
  }
}
