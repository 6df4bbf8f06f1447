// TaskHost hands each item a context whose signal is made on demand: an item that never reads it costs no
// AbortController, and an item aborted before it looks still finds its signal aborted, with the reason.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TaskHost } from '../src/unit-kit/index.js';

/** A task module as a data: URL, so that each test states its task where it is used. */
const taskUrl = (run: string) =>
  `data:text/javascript,${encodeURIComponent(`export default { name: 't', kind: 'io', run: ${run} };`)}`;

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Count the AbortControllers made while `body` runs. */
async function countControllers(body: () => Promise<void>): Promise<number> {
  let made = 0;
  const Original = globalThis.AbortController;
  vi.stubGlobal(
    'AbortController',
    class extends Original {
      constructor() {
        super();
        made += 1;
      }
    },
  );
  await body();
  return made;
}

describe('TaskHost', () => {
  it('makes no AbortController for an item that never reads its signal', async () => {
    const host = await TaskHost.open(taskUrl('(n) => n * 2'), 0, () => {});
    const made = await countControllers(async () => {
      for (let i = 0; i < 5; i += 1)
        expect(await host.run({ index: i, input: i })).toMatchObject({ value: i * 2 });
    });
    expect(made).toBe(0);
  });

  it('gives the item that reads its signal one of its own', async () => {
    const host = await TaskHost.open(taskUrl('(n, ctx) => ctx.signal.aborted'), 0, () => {});
    const made = await countControllers(async () => {
      expect(await host.run({ index: 0, input: 0 })).toMatchObject({ ok: true, value: false });
    });
    expect(made).toBe(1);
  });

  it('hands an item aborted before it looked a signal already aborted, with the reason', async () => {
    const run = `async (n, ctx) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (ctx.signal.aborted) throw ctx.signal.reason;
      return 'not aborted';
    }`;
    const host = await TaskHost.open(taskUrl(run), 0, () => {});
    const running = host.run({ index: 7, input: 0 });
    host.abort('timed out');
    expect(await running).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('timed out') },
    });
  });
});
