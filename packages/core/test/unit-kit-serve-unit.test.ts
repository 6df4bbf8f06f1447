// The unit side of a channel unit, over an endpoint that records what it would send.
import { describe, expect, it } from 'vitest';
import { fixtureTasks } from '../src/testkit/fixtures.js';
import { type FromUnit, serveUnit, type ToUnit, type UnitEndpoint } from '../src/unit-kit/index.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

function fakeEndpoint(refuse: (message: FromUnit) => boolean = () => false) {
  const sent: FromUnit[] = [];
  const ended: number[] = [];
  let deliver: (message: ToUnit) => void = () => {};
  const endpoint: UnitEndpoint = {
    send(message) {
      if (refuse(message)) throw new Error('could not be cloned');
      sent.push(message);
    },
    listen: (handler) => {
      deliver = handler;
    },
    peer: 'the test',
    progress: () => {},
    figures: () => ({ scope: 'process', rssBytes: 1 }),
    end: (code) => ended.push(code),
  };
  return { endpoint, sent, ended, deliver: (message: ToUnit) => deliver(message) };
}

describe('serveUnit', () => {
  it('says ready, runs a batch, and sends the results of one turn in one message with their ids', async () => {
    const { endpoint, sent, deliver } = fakeEndpoint();
    await serveUnit(endpoint, { task: fixtureTasks.echo, unit: 0 });
    expect(sent).toEqual([{ t: 'ready' }]);
    deliver({
      t: 'run',
      items: [
        { id: 4, index: 0, input: 'a' },
        { id: 5, index: 1, input: 'b' },
      ],
    });
    await tick();
    await tick();
    const results = sent.filter((m) => m.t === 'results');
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      results: [
        { id: 4, ok: true, value: 'a' },
        { id: 5, ok: true, value: 'b' },
      ],
    });
  });

  it('replaces a result that cannot travel by a not-cloneable failure of that item alone', async () => {
    const refuse = (m: FromUnit) => m.t === 'results' && m.results.some((r) => r.ok && r.value === 'bad');
    const { endpoint, sent, deliver } = fakeEndpoint(refuse);
    await serveUnit(endpoint, { task: fixtureTasks.echo, unit: 0 });
    deliver({
      t: 'run',
      items: [
        { id: 0, index: 0, input: 'bad' },
        { id: 1, index: 1, input: 'good' },
      ],
    });
    await tick();
    await tick();
    const results = sent.flatMap((m) => (m.t === 'results' ? m.results : []));
    expect(results).toMatchObject([
      {
        id: 0,
        ok: false,
        error: { kind: 'not-cloneable', message: expect.stringContaining('back to the test') },
      },
      { id: 1, ok: true, value: 'good' },
    ]);
  });

  it('reports a setup that fails and ends with code 1', async () => {
    const { endpoint, sent, ended } = fakeEndpoint();
    await serveUnit(endpoint, { task: 'file:///no/such/task.mjs', unit: 0 });
    expect(sent).toMatchObject([
      { t: 'setup-failed', error: { message: expect.stringContaining('task.mjs') } },
    ]);
    expect(ended).toEqual([1]);
  });

  it('on close, runs the teardown, sends every result before its last word, then ends with code 0', async () => {
    const { endpoint, sent, ended, deliver } = fakeEndpoint();
    await serveUnit(endpoint, { task: fixtureTasks.echo, unit: 0 });
    deliver({ t: 'run', items: [{ id: 0, index: 0, input: 'x' }] });
    await tick();
    deliver({ t: 'close' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const kinds = sent.map((m) => m.t);
    expect(kinds.indexOf('results')).toBeLessThan(kinds.indexOf('closed'));
    expect(sent.at(-1)).toEqual({ t: 'closed', figures: { scope: 'process', rssBytes: 1 } });
    expect(ended).toEqual([0]);
  });
});
