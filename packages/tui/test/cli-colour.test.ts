// Colour honours FORCE_COLOR and NO_COLOR; without either, only a colour terminal gets it.
import { describe, expect, it } from 'vitest';
import { wantsColour } from '../src/cli/colour.js';
import { runConcur, tempCwd } from './fixtures/cli/run-concur.js';

const pipe = { isTTY: false } as unknown as NodeJS.WritableStream;
const colourTerminal = { isTTY: true, hasColors: () => true } as unknown as NodeJS.WritableStream;

describe('wantsColour', () => {
  it.each([
    ['a pipe', pipe, {}, false],
    ['a colour terminal', colourTerminal, {}, true],
    ['a colour terminal with NO_COLOR', colourTerminal, { NO_COLOR: '1' }, false],
    ['a colour terminal with an empty NO_COLOR', colourTerminal, { NO_COLOR: '' }, true],
    ['a pipe with FORCE_COLOR', pipe, { FORCE_COLOR: '1' }, true],
    ['a pipe with FORCE_COLOR and NO_COLOR', pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    ['a colour terminal with FORCE_COLOR=0', colourTerminal, { FORCE_COLOR: '0' }, false],
  ])('%s: %s', (_what, stream, env, expected) => {
    expect(wantsColour(stream, env)).toBe(expected);
  });
});

describe('the command', () => {
  it('colours output to a pipe only when FORCE_COLOR says so', async () => {
    const cwd = await tempCwd();
    try {
      const plain = await runConcur(['list'], { cwd: cwd.path, env: { NO_COLOR: '1' } });
      const forced = await runConcur(['list'], { cwd: cwd.path, env: { FORCE_COLOR: '1' } });
      expect(plain.stdout).not.toContain('\u001b[');
      expect(forced.stdout).toContain('\u001b[1mStrategies\u001b[22m');
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing colour codes
      expect(forced.stdout.replace(/\u001b\[\d+m/g, '')).toBe(plain.stdout);
    } finally {
      await cwd.remove();
    }
  });
});
