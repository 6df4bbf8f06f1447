/** Colour on a stream or not: FORCE_COLOR wins, then NO_COLOR, then whether the stream is a colour terminal. */
import type { WriteStream } from 'node:tty';

export type Paint = (style: Style, text: string) => string;
export type Style = 'bold' | 'dim' | 'green' | 'red' | 'yellow' | 'cyan';

const CODES: Readonly<Record<Style, readonly [number, number]>> = {
  bold: [1, 22],
  dim: [2, 22],
  green: [32, 39],
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};

export function wantsColour(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const tty = stream as Partial<WriteStream>;
  return tty.isTTY === true && (tty.hasColors?.(env) ?? false);
}

export function painter(enabled: boolean): Paint {
  if (!enabled) return (_style, text) => text;
  return (style, text) => `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m`;
}
