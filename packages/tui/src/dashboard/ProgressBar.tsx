import { Text } from 'ink';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** The bar's characters for `fraction` (0…1) of `width` columns, in eighths of a column. */
export function barText(fraction: number, width: number): { filled: string; empty: string } {
  const clamped = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const eighths = Math.round(clamped * width * 8);
  const full = Math.floor(eighths / 8);
  const partial = EIGHTHS[eighths % 8] ?? '';
  const filled = '█'.repeat(full) + partial;
  return { filled, empty: '░'.repeat(Math.max(0, width - full - (partial ? 1 : 0))) };
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
