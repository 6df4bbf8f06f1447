import type { Report } from '@concur/core';
import { fractionText, predictionText, scalingHeading } from '@concur/core/orchestrate';
import { Box, Text } from 'ink';
import { strategyColour } from './palette.js';

/** Under the sweep chart: Amdahl's law fitted per strategy, its predictions (labelled so) and departures. */
export function ScalingFits({
  report,
  order,
}: {
  readonly report: Report;
  readonly order: readonly string[];
}) {
  const fits = report.scaling ?? [];
  if (fits.length === 0) return null;
  return (
    <Box flexDirection="column">
      <Text color="gray">{scalingHeading(fits, report.machine.cpus)}</Text>
      {fits.map((fit) => (
        <Box key={fit.strategy} flexDirection="column">
          <Text>
            <Text color={strategyColour(fit.strategy, order)}>{fit.strategy}</Text>
            {`  ${fractionText(fit)}`}
            {fit.fraction === null ? null : <Text color="gray">{`; ${predictionText(fit)}`}</Text>}
          </Text>
          {fit.departures.map((d) => (
            <Text key={d} color="yellow">{`    ${d}`}</Text>
          ))}
        </Box>
      ))}
    </Box>
  );
}
