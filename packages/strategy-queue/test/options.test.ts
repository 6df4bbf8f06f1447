// Options are checked with one line naming the bad one; a broker that does not answer is named with the fix.
import { describe, expect, it } from 'vitest';
import { optionsProblem, parseOptions } from '../src/options.js';
import { broker, loadStrategy } from './helpers.js';

describe('options', () => {
  it('has defaults for everything', () => {
    expect(parseOptions({})).toEqual({
      broker: 'redis://127.0.0.1:6379',
      workers: 'local',
      inFlight: 1,
      prefix: 'concur',
      joinTimeoutMs: 20_000,
      lockMs: 30_000,
    });
  });

  it('takes values as typed on a command line', () => {
    expect(
      parseOptions({
        broker: 'redis://127.0.0.1:6380/2',
        workers: 'remote',
        inFlight: '64',
        prefix: 'team-a',
        joinTimeout: '5s',
        lockDuration: '2s',
      }),
    ).toEqual({
      broker: 'redis://127.0.0.1:6380/2',
      workers: 'remote',
      inFlight: 64,
      prefix: 'team-a',
      joinTimeoutMs: 5_000,
      lockMs: 2_000,
    });
  });

  it.each([
    [
      { broker: 'http://127.0.0.1:6379' },
      '`broker` must be a Redis URL such as redis://127.0.0.1:6379, got "http://127.0.0.1:6379"',
    ],
    [{ broker: 'not a url' }, '`broker` must be a Redis URL'],
    [{ workers: 'cloud' }, '`workers` must be "local"'],
    [{ inFlight: 0 }, '`inFlight` must be a positive integer, got 0'],
    [{ prefix: 'a*' }, '`prefix` must be up to 64 letters'],
    [{ joinTimeout: 'soon' }, '`joinTimeout` must be a duration'],
    [{ lockDuration: 10 }, '`lockDuration` must be a duration of at least 100 ms'],
    [
      { concurrency: 2 },
      'unknown option `concurrency` for strategy queue; it knows broker, workers, inFlight',
    ],
  ])('refuses %o with one line', (options, line) => {
    expect(optionsProblem(options)).toContain(line);
  });

  it('says there is no Redis where none answers, with the fix', async () => {
    const strategy = await loadStrategy();
    // Port 1 on loopback: nothing listens there.
    expect(await strategy.unavailable?.({ broker: 'redis://127.0.0.1:1' })).toBe(
      'no Redis at redis://127.0.0.1:1: start one or pass --option queue.broker=URL',
    );
  });

  it.skipIf(!broker)('is available where a Redis answers', async () => {
    const strategy = await loadStrategy();
    expect(await strategy.unavailable?.({ broker })).toBeUndefined();
  });

  it('fails a unit whose broker does not answer with the same line', async () => {
    const strategy = await loadStrategy();
    const { makeSpec, fixtureTasks } = await import('@concur/core/testkit');
    await expect(
      strategy.spawn(makeSpec(fixtureTasks.echo, { options: { broker: 'redis://127.0.0.1:1' } })),
    ).rejects.toThrow('no Redis at redis://127.0.0.1:1: start one or pass --option queue.broker=URL');
  });
});
