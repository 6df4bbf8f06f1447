import { BASELINE_NAME, type Report } from '@concur/core';
import { Box, Text } from 'ink';
import { BeforeAfter } from './BeforeAfter.js';
import { ComparisonTable } from './ComparisonTable.js';
import { ScalingFits } from './ScalingFits.js';
import { ScrollView } from './ScrollView.js';
import { SweepChart } from './SweepChart.js';
import { TraitsTable } from './TraitsTable.js';
import { VerdictLines } from './VerdictLines.js';
import { WallBars } from './WallBars.js';

/**
 * Whether some strategy ran at several concurrency levels. Strategies whose own defaults differ (2 processes,
 * 100 async slots) make several levels in the settings without making a sweep.
 */
export function isSweep(report: Report): boolean {
  const levels = new Map<string, Set<number>>();
  for (const row of report.summary) {
    if (row.strategy === BASELINE_NAME) continue;
    const seen = levels.get(row.strategy) ?? new Set<number>();
    seen.add(row.concurrency);
    levels.set(row.strategy, seen);
  }
  return [...levels.values()].some((seen) => seen.size > 1);
}

/** The key line under the scrolled results, and a spare line so the frame stays shorter than the terminal. */
const FOOTER_LINES = 2;

function Heading({ children }: { readonly children: string }) {
  return (
    <Box marginTop={1}>
      <Text bold underline>
        {children}
      </Text>
    </Box>
  );
}

/** The end of a comparison: table, bars, verdict, traits and the recommendation. */
export function ResultsScreen({
  report,
  columns,
  rows,
  notice,
  showKeys,
  offset = 0,
  onMeasure = () => {},
}: {
  readonly report: Report;
  readonly columns: number;
  readonly rows: number;
  /** One line about the last action: where the report was exported, or why that failed. */
  readonly notice?: string | undefined;
  /** False for the last frame, left on the terminal at exit: then it is drawn whole, unscrolled. */
  readonly showKeys: boolean;
  /** Lines scrolled down. */
  readonly offset?: number;
  readonly onMeasure?: (contentHeight: number) => void;
}) {
  const order = report.settings.strategies;
  const sweep = isSweep(report);
  const ran = report.traits.some((t) => t.name !== BASELINE_NAME);
  const { workload, settings } = report;
  const content = (
    <>
      <Text wrap="truncate">
        <Text bold>concur</Text>
        <Text color="gray">{' · '}</Text>
        <Text bold>{workload.name}</Text>
        <Text color="gray">
          {` (${workload.kind}) · ${workload.items} items · ${settings.runs} run${settings.runs === 1 ? '' : 's'} each · concurrency ${settings.concurrency.join(', ')} · ${report.machine.cpus} cores`}
        </Text>
      </Text>
      {report.cancelled ? <Text color="yellow">stopped early: these are partial results</Text> : null}
      <Heading>Comparison</Heading>
      <ComparisonTable summary={report.summary} order={order} />
      {/* In a sweep the chart says more than a bar per row, and the screen stays short. */}
      {sweep ? (
        <>
          <Heading>Concurrency sweep</Heading>
          <SweepChart summary={report.summary} order={order} />
          <ScalingFits report={report} order={order} />
        </>
      ) : (
        <>
          <Heading>Wall time (median)</Heading>
          <WallBars summary={report.summary} order={order} width={columns} />
        </>
      )}
      <Heading>Verdict</Heading>
      <VerdictLines verdict={report.verdict} />
      {report.against ? <BeforeAfter diff={report.against} order={order} width={columns} /> : null}
      {ran ? (
        <>
          <Heading>Traits</Heading>
          <TraitsTable traits={report.traits} order={order} width={columns} />
        </>
      ) : null}
      {report.recommendation ? (
        <>
          <Heading>Recommendation</Heading>
          <Text>{report.recommendation}</Text>
        </>
      ) : null}
    </>
  );
  return (
    <Box flexDirection="column" width={columns}>
      {showKeys ? (
        <ScrollView
          height={Math.max(5, rows - FOOTER_LINES - (notice ? 1 : 0))}
          offset={offset}
          onMeasure={onMeasure}
        >
          {content}
        </ScrollView>
      ) : (
        content
      )}
      {notice ? <Text color="cyan">{notice}</Text> : null}
      {showKeys ? (
        <Box>
          <Text color="gray" wrap="truncate">
            <Text color="white" bold>
              r
            </Text>{' '}
            run again ·{' '}
            <Text color="white" bold>
              e
            </Text>{' '}
            export ·{' '}
            <Text color="white" bold>
              t
            </Text>{' '}
            timeline ·{' '}
            <Text color="white" bold>
              l
            </Text>{' '}
            unit output ·{' '}
            <Text color="white" bold>
              s
            </Text>{' '}
            setup ·{' '}
            <Text color="white" bold>
              q
            </Text>{' '}
            quit · ↑↓ PgUp PgDn scroll
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}
