import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/report/build.js';
import { reportToMarkdown } from '../src/report/markdown.js';
import { sampleInput } from './report-fixture-runs.js';

describe('reportToMarkdown', () => {
  const markdown = reportToMarkdown({ ...buildReport(sampleInput()), recommendation: 'Use threads.' });
  const lines = markdown.split('\n');

  it('describes the machine, the workload and its params', () => {
    expect(markdown).toContain('2 × Test CPU @ 3.00GHz, 8.00 GiB RAM, Node v20.11.1');
    expect(markdown).toContain(
      '`cpu-sum` (cpu), 10 items; params `size=100000`, `chunk-size=large`, `verify=true`',
    );
    expect(markdown).toContain('- **Service server:** CPU 15.0 ms');
  });

  it('heads the comparison with the columns every view shares, figures aligned right, and explains them', () => {
    expect(lines).toContain(
      '| strategy | concurrency | wall (median ± σ) | speedup | efficiency | CPU | peak memory | p95 latency | failures |',
    );
    expect(lines).toContain('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    expect(markdown).toContain(
      'Speedup: baseline mean wall time / this mean wall time (± propagated σ). Efficiency: speedup / ' +
        'min(concurrency, items, cores), the most speedup the cores could give; above 100% the work was not ' +
        'bound by the cores. CPU: (user + system CPU time) / wall time of the threads that ran the work (the ' +
        "engine loop and each unit's own thread, without the runtime's compiler and GC threads;",
    );
  });

  it('has one comparison row per strategy and concurrency', () => {
    expect(lines).toContain(
      '| baseline | 1 | 1.00 s ± 14.1 ms | 1.00 ± 0.00 | 100% | 100% | 50.0 MiB | 10.0 ms | 0 |',
    );
    expect(lines).toContain(
      '| thread | 2 | 500 ms ± 7.07 ms | 2.00 ± 0.04 | 100% | 200% | 50.0 MiB | 10.0 ms | 1 |',
    );
    expect(lines.filter((line) => line.startsWith('| async | 2 |'))).toHaveLength(1);
  });

  it('lists the verdict and the recommendation', () => {
    expect(lines).toContain('- thread ran 2.02 ± 0.04 times faster than async');
    expect(markdown).toContain('## Recommendation\n\nUse threads.');
  });

  it('shows the traits in the article rows', () => {
    expect(lines).toContain('|  | thread | async |');
    expect(lines).toContain('| Basic unit | Thread | Coroutine |');
    expect(lines).toContain('| Parallel on cores | Yes | No |');
    expect(lines).toContain('| Pros | Uses every core; cheap messages | Low overhead |');
    for (const label of ['Memory space', 'Parallelism/Concurrency', 'Best for', 'Cons'])
      expect(lines.some((line) => line.startsWith(`| ${label} |`))).toBe(true);
  });

  it('escapes a pipe so it cannot break a table', () => {
    const input = sampleInput();
    const traits = input.traits.map((t) => ({ ...t, traits: { ...t.traits, bestFor: 'CPU | I/O' } }));
    expect(reportToMarkdown(buildReport({ ...input, traits }))).toContain('| Best for | CPU \\| I/O |');
  });

  it('warns of outliers and of a cancelled comparison', () => {
    const input = sampleInput();
    const runs = [
      ...input.runs,
      ...[1, 2, 3].map((i) => ({ ...input.runs[4], run: 2 + i })),
    ] as typeof input.runs;
    const report = buildReport({ ...input, runs, cancelled: true });
    expect(report.summary.find((s) => s.strategy === 'async')?.outlierRuns).toEqual([2]);
    const text = reportToMarkdown(report);
    expect(text).toContain('- ⚠ async (concurrency 2): run 2 stands out');
    expect(text).toContain('**Cancelled before it finished');
  });
});
