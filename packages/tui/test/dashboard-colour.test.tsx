// The live rows' bars are cells of background colour: check the colour codes themselves. ink picks its
// colour level when it loads, so colour is forced before anything that loads it is imported.
import { describe, expect, it } from 'vitest';

process.env.FORCE_COLOR = '1';
const { render } = await import('ink-testing-library');
const { UnitRow } = await import('../src/dashboard/UnitRow.js');
const { unit } = await import('./fixtures/dashboard/samples.js');

const BG_CYAN = '\u001b[46m';
const BG_GRAY = '\u001b[100m';
const BG_WHITE = '\u001b[47m';

function drawnRow(progress: number, inFlight = 1, color = 'cyan') {
  const row = <UnitRow unit={unit(0, { progress, inFlight })} idWidth={8} barWidth={20} color={color} />;
  return render(row).lastFrame() ?? '';
}

describe('a live row in colour', () => {
  it('fills the bar with cells of the strategy colour on a grey track', () => {
    expect(drawnRow(0.25)).toContain(`${BG_CYAN}${' '.repeat(5)}${BG_GRAY}${' '.repeat(15)}`);
    expect(drawnRow(1)).toContain(`${BG_CYAN}${' '.repeat(20)}`);
  });

  it('shows an idle unit as an empty track', () => {
    const frame = drawnRow(0.6, 0);
    expect(frame).toContain(`${BG_GRAY}${' '.repeat(20)}`);
    expect(frame).not.toContain(BG_CYAN);
  });

  it("fills a grey strategy's bar (the baseline's) in white, so that it shows on the grey track", () => {
    expect(drawnRow(0.5, 1, 'gray')).toContain(`${BG_WHITE}${' '.repeat(10)}${BG_GRAY}${' '.repeat(10)}`);
  });
});
