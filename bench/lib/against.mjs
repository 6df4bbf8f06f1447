// `--against DIR`: this tree's concur and another checkout's, measured side by side in the same rounds.
import { fmt } from './table.mjs';

/** How much slower than the other checkout a row may be and still count as no worse. */
export const AGAINST_TOLERANCE = 0.05;

/** What a section measured with --against says of itself. */
export function againstNote(ctx, order) {
  const { concur, against } = ctx;
  return `**Against another checkout**: "${concur.label}" is this tree${concur.commit ? ` (${concur.commit})` : ''}; "${against.label}" is ${against.dir}${against.commit ? ` (${against.commit})` : ''}. Both run the same tasks on the same inputs in the same rounds, the order alternated round by round (${order}, then the other way round). "this / other" is, round by round, this tree's figure over the other's, then the median and the range of the rounds. Bar: no worse than ${1 + AGAINST_TOLERANCE} (at most ${AGAINST_TOLERANCE * 100}% slower).`;
}

/** The verdict of one row: this tree's figure over the other's, median of rounds, at most 1 + tolerance. */
export function noWorseCheck(section, ctx, what, versus) {
  section.ratioCheck(
    `${what}: no worse than ${ctx.against.label}, this / other ${fmt(versus.median, 3)} ≤ ${1 + AGAINST_TOLERANCE}`,
    versus,
    { highest: 1 + AGAINST_TOLERANCE },
  );
}
