// The comparison table has one definition of its columns (@concur/core/orchestrate); the plain table and the
// results screen must both show exactly its cells, in its order.
import { COMPARISON_COLUMNS } from '@concur/core/orchestrate';
import { render } from 'ink-testing-library';
import { expect, it } from 'vitest';
import { painter } from '../src/cli/colour.js';
import { ComparisonTable } from '../src/dashboard/ComparisonTable.js';
import { comparisonText } from '../src/plain/table.js';
import { plain, report } from './fixtures/dashboard/samples.js';

const sample = () => {
  const base = report();
  // A row cut short too, so the strategy column's own way of saying so is covered.
  const summary = base.summary.map((row) => (row.strategy === 'process' ? { ...row, partial: true } : row));
  return { ...base, summary };
};

/** The line showing `cells` in order, each separated from the next by at least two spaces. */
function lineOf(text: string, cells: readonly string[]): string | undefined {
  const escaped = cells.map((cell) => cell.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(^|\\s)${escaped.join(' {2,}')}$`);
  return text.split('\n').find((line) => pattern.test(line.trimEnd()));
}

it('prints every column of every row, as the definition makes its cells, in the plain table', () => {
  const r = sample();
  const text = comparisonText(r, painter(false));
  expect(
    lineOf(
      text,
      COMPARISON_COLUMNS.map((column) => column.title),
    ),
  ).toBeDefined();
  for (const row of r.summary)
    expect(
      lineOf(
        text,
        COMPARISON_COLUMNS.map((c) => c.cell(row)),
      ),
    ).toBeDefined();
  expect(text).toContain('process (partial)');
});

it('draws every column of every row, as the definition makes its cells, on the results screen', () => {
  // Not the row cut short: its longer name would pass the test terminal's 100 columns (dashboard-results
  // covers how it reads there).
  const r = report();
  const frame = plain(
    render(<ComparisonTable summary={r.summary} order={r.settings.strategies} />).lastFrame(),
  );
  expect(
    lineOf(
      frame,
      COMPARISON_COLUMNS.map((column) => column.short),
    ),
  ).toBeDefined();
  for (const row of r.summary)
    expect(
      lineOf(
        frame,
        COMPARISON_COLUMNS.map((c) => c.cell(row)),
      ),
    ).toBeDefined();
});
