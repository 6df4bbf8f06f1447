import { BASELINE_NAME } from '@concur/core';

/** One colour per strategy, the same on every screen; the baseline stays grey. */
const COLOURS = ['cyan', 'magenta', 'yellow', 'green', 'blue', 'red'] as const;

export function strategyColour(name: string, order: readonly string[]): string {
  if (name === BASELINE_NAME) return 'gray';
  const index = order.filter((n) => n !== BASELINE_NAME).indexOf(name);
  return COLOURS[Math.max(index, 0) % COLOURS.length] ?? 'cyan';
}

/** `text` cut to `width` columns with an ellipsis, or padded to exactly `width`. */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length > width) return `${text.slice(0, Math.max(0, width - 1))}…`;
  return text.padEnd(width);
}
