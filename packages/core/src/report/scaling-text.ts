/** A sweep's scaling fits in words, one way for every view: the plain text, the dashboard, Markdown and HTML. */
import { formatRatio } from './format.js';
import type { ScalingFit } from './scaling.js';

/** "Amdahl's law fitted on ×2 (levels up to this machine's 2 cores); speedups over each strategy's own ×1". */
export function scalingHeading(fits: readonly ScalingFit[], cpus: number): string {
  const levels = [...new Set(fits.flatMap((f) => f.fittedLevels))].sort((a, b) => a - b);
  const over = fits.every((f) => f.reference === 'baseline')
    ? 'the sequential baseline'
    : "each strategy's own ×1 run";
  const on = levels.length > 0 ? `on ${levels.map((l) => `×${l}`).join(', ')}` : 'on no level above one core';
  return `Amdahl's law fitted ${on} (levels up to this machine's ${cpus} cores); speedups over ${over}`;
}

/** "parallel fraction 0.93 (95% CI 0.90–0.96)", or why there is none. */
export function fractionText(fit: ScalingFit): string {
  if (fit.fraction === null) return 'no parallel fraction (no level above one core to fit)';
  const ci = fit.ci95
    ? ` (95% CI ${fit.ci95[0].toFixed(2)}–${fit.ci95[1].toFixed(2)})`
    : ' (one run: no interval)';
  return `parallel fraction ${fit.fraction.toFixed(2)}${ci}`;
}

/** "predicted, not measured: 1.86× on 4 cores, 1.98× on 16 cores". */
export function predictionText(fit: ScalingFit): string {
  if (fit.fraction === null) return '';
  return `predicted, not measured: ${fit.predictions.map((p) => `${formatRatio(p.speedup)}× on ${p.cores} cores`).join(', ')}`;
}

/** Every fit as lines of text: a heading, then per strategy its fraction and predictions, and its departures indented. */
export function scalingLines(fits: readonly ScalingFit[], cpus: number): string[] {
  if (fits.length === 0) return [];
  const width = Math.max(...fits.map((f) => f.strategy.length));
  return [
    scalingHeading(fits, cpus),
    ...fits.flatMap((fit) => [
      `  ${fit.strategy.padEnd(width)}  ${fractionText(fit)}${fit.fraction === null ? '' : `; ${predictionText(fit)}`}`,
      ...fit.departures.map((d) => `  ${' '.repeat(width)}    ${d}`),
    ]),
  ];
}
