import { Text } from 'ink';
import { useContext } from 'react';
import { ColourContext } from './colour-context.js';

/** The live bar's empty part; a bar of the same colour (the baseline's grey) is filled in white instead. */
const TRACK = 'gray';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** The bar's characters for `fraction` (0…1) of `width` columns, in eighths of a column. */
export function barText(fraction: number, width: number): { filled: string; empty: string } {
  const eighths = Math.round(clamp(fraction) * width * 8);
  const full = Math.floor(eighths / 8);
  const partial = EIGHTHS[eighths % 8] ?? '';
  const filled = '█'.repeat(full) + partial;
  return { filled, empty: '░'.repeat(Math.max(0, width - full - (partial ? 1 : 0))) };
}

/** Columns filled for `fraction` (0…1) of `width`, to the nearest whole column. */
export function solidColumns(fraction: number, width: number): number {
  return Math.round(clamp(fraction) * width);
}

function clamp(fraction: number): number {
  return Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
}

export function ProgressBar({
  fraction,
  width,
  color = 'green',
}: {
  readonly fraction: number;
  readonly width: number;
  readonly color?: string;
}) {
  const { filled, empty } = barText(fraction, width);
  return (
    <Text>
      <Text color={color}>{filled}</Text>
      <Text color="gray">{empty}</Text>
    </Text>
  );
}

/**
 * A bar for text redrawn ten times a second. In colour it is spaces on a coloured background: plain ASCII,
 * which ink measures several times faster than block characters (ink measures a line with any other
 * character grapheme by grapheme), so the live rows cost the run they show less. Without colour it falls
 * back to block characters, which stay visible.
 */
export function LiveBar({
  fraction,
  width,
  color,
}: {
  readonly fraction: number;
  readonly width: number;
  readonly color: string;
}) {
  const colour = useContext(ColourContext);
  if (!colour) return <ProgressBar fraction={fraction} width={width} color={color} />;
  const filled = solidColumns(fraction, width);
  return (
    <Text>
      <Text backgroundColor={color === TRACK ? 'white' : color}>{' '.repeat(filled)}</Text>
      <Text backgroundColor={TRACK}>{' '.repeat(width - filled)}</Text>
    </Text>
  );
}
