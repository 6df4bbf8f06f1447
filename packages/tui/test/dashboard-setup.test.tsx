import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/dashboard/App.js';
import type { ComparisonRequest, ExecuteComparison } from '../src/session/types.js';
import { catalog, eventually, plain, report, tick } from './fixtures/dashboard/samples.js';

afterEach(cleanup);

const DOWN = '\u001b[B';
const ENTER = '\r';

function setup(initial?: Partial<ComparisonRequest>) {
  const execute = vi.fn<ExecuteComparison>(() => new Promise(() => {}));
  const app = render(<App catalog={catalog()} execute={execute} initial={initial} onExit={() => {}} />);
  return { ...app, execute, frame: () => plain(app.lastFrame()) };
}

describe('the setup screen', () => {
  it('lists workloads and strategies, greys the broken ones with their reason, and defaults to article-cpu', () => {
    const { frame } = setup();
    expect(frame()).toMatch(/● article-cpu/);
    expect(frame()).toMatch(/○ cpu-sum/);
    for (const name of ['process', 'thread', 'async']) expect(frame()).toMatch(new RegExp(`\\[x\\] ${name}`));
    expect(frame()).toMatch(/✗\s+gpu\s+written for contract apiVersion 0; update the plugin/);
    expect(frame()).toContain("default: each strategy's own");
    expect(frame()).toMatch(/Runs\s+3/);
  });

  it('starts the article’s CPU experiment on Enter: article-cpu, every strategy, default concurrency, 3 runs', async () => {
    const { stdin, execute, frame } = setup();
    await tick();
    stdin.write(ENTER);
    await tick(20);
    expect(execute).toHaveBeenCalledOnce();
    const [request, options] = execute.mock.calls[0] ?? [];
    expect(request?.workload.name).toBe('article-cpu');
    expect(request?.strategies).toEqual(['process', 'thread', 'async']);
    expect(request?.concurrency).toBeUndefined();
    expect(request?.runs).toBe(3);
    expect(request?.params).toEqual({});
    expect(options?.signal?.aborted).toBe(false);
    expect(frame()).toContain('article-cpu');
    expect(frame()).toContain('q quit');
  });

  it('takes edits: a param, a strategy left out, a sweep and fewer runs', async () => {
    const { stdin, execute } = setup();
    await tick();
    // Rows: cpu-sum, article-cpu (focused), items, n, process, thread, async, concurrency, runs.
    const keys = [DOWN, '\u007f', '2', DOWN, DOWN, ' ', DOWN, DOWN, DOWN, '1,2', DOWN, '\u007f', '1', ENTER];
    for (const key of keys) {
      stdin.write(key);
      await tick();
    }
    await tick(20);
    const request = execute.mock.calls[0]?.[0];
    expect(request?.params).toEqual({ items: '2' });
    expect(request?.strategies).toEqual(['thread', 'async']);
    expect(request?.concurrency).toEqual([1, 2]);
    expect(request?.runs).toBe(1);
  });

  it('applies keys that arrive in one chunk in order, each on the state the previous one left', async () => {
    const { stdin, execute } = setup();
    await tick();
    stdin.write(`${DOWN}\u007f7${DOWN}${DOWN} `);
    await tick(20);
    stdin.write(ENTER);
    await eventually(() => expect(execute).toHaveBeenCalledOnce());
    const request = execute.mock.calls[0]?.[0];
    expect(request?.params).toEqual({ items: '7' });
    expect(request?.strategies).toEqual(['thread', 'async']);
  });

  it('quits on q before anything ran, with exit code 0 and nothing started', async () => {
    const execute = vi.fn<ExecuteComparison>();
    const onExit = vi.fn();
    const app = render(<App catalog={catalog()} execute={execute} onExit={onExit} />);
    await tick();
    app.stdin.write('q');
    await eventually(() => expect(onExit).toHaveBeenCalledWith(0));
    expect(execute).not.toHaveBeenCalled();
  });

  it('refuses a bad value and says how to fix it', async () => {
    const { stdin, execute, frame } = setup({ runs: 0 });
    await tick();
    stdin.write(ENTER);
    await tick(20);
    expect(execute).not.toHaveBeenCalled();
    expect(frame()).toContain('runs must be a positive whole number, got "0"');
  });

  it('starts from what the command line handed in', () => {
    const { frame } = setup({ strategies: ['thread'], concurrency: [4, 8], runs: 5, params: { n: '1000' } });
    expect(frame()).toMatch(/\[ \] process/);
    expect(frame()).toMatch(/\[x\] thread/);
    expect(frame()).toMatch(/Concurrency\s+4,8/);
    expect(frame()).toMatch(/Runs\s+5/);
    expect(frame()).toMatch(/n\s+1000\s/);
  });

  it('runs a complete request at once when asked to start immediately (`concur run` in a terminal)', async () => {
    const execute = vi.fn<ExecuteComparison>(() => new Promise(() => {}));
    render(
      <App
        catalog={catalog()}
        execute={execute}
        initial={{ strategies: ['async'], concurrency: [8], runs: 1 }}
        startImmediately
        onExit={() => {}}
      />,
    );
    await eventually(() => expect(execute).toHaveBeenCalledOnce());
    const request = execute.mock.calls[0]?.[0];
    expect(request?.workload.name).toBe('article-cpu');
    expect(request?.strategies).toEqual(['async']);
    expect(request?.concurrency).toEqual([8]);
    expect(request?.runs).toBe(1);
  });

  it('goes back to the results after a finished run and runs the same request again with r', async () => {
    const finished = report();
    const execute = vi.fn<ExecuteComparison>(() => Promise.resolve(finished));
    const app = render(<App catalog={catalog()} execute={execute} onExit={() => {}} />);
    await tick();
    app.stdin.write(ENTER);
    await eventually(() => expect(plain(app.lastFrame())).toContain('Verdict'));
    app.stdin.write('r');
    await eventually(() => expect(execute).toHaveBeenCalledTimes(2));
    expect(execute.mock.calls[1]?.[0]).toBe(execute.mock.calls[0]?.[0]);
  });

  it('says on the results what the comparison left out, one line each', async () => {
    const finished = report();
    const execute = vi.fn<ExecuteComparison>(async (_request, { onNotice }) => {
      onNotice?.('python-thread: article-cpu has no Python task; left out of this comparison');
      return finished;
    });
    const app = render(<App catalog={catalog()} execute={execute} onExit={() => {}} />);
    await tick();
    app.stdin.write(ENTER);
    await eventually(() => expect(plain(app.lastFrame())).toContain('Verdict'));
    expect(plain(app.lastFrame())).toContain(
      'python-thread: article-cpu has no Python task; left out of this comparison',
    );
  });
});
