/**
 * Options (`--option atomics=async`). Only piscina's `atomics` is exposed: it changes how an idle worker
 * waits for its next task, which is exactly what a dispatch race measures.
 */
const ATOMICS = ['sync', 'async', 'disabled'] as const;
export type Atomics = (typeof ATOMICS)[number];

export interface PiscinaOptions {
  /** piscina's own default is 'sync': an idle worker blocks in Atomics.wait, the fastest hand-over. */
  readonly atomics: Atomics;
}

export function optionsProblem(options: Readonly<Record<string, unknown>>): string | undefined {
  for (const key of Object.keys(options))
    if (key !== 'atomics') return `strategy piscina has no option \`${key}\`; the only option is \`atomics\``;
  const atomics = options.atomics;
  if (atomics !== undefined && !ATOMICS.includes(atomics as Atomics))
    return `\`atomics\` must be one of ${ATOMICS.join(', ')}, got ${JSON.stringify(atomics)}`;
  return undefined;
}

export function readOptions(options: Readonly<Record<string, unknown>>): PiscinaOptions {
  return { atomics: (options.atomics as Atomics | undefined) ?? 'sync' };
}
