// Units started through setpriv, which has the kernel kill them with their engine: where setpriv cannot
// do that (too old to know --pdeathsig), units still start, each with its watchdog thread instead.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixtureTasks } from '@concur/core/testkit';
import { afterAll, expect, it } from 'vitest';
import { startUnit } from './load-strategy.js';

const path = process.env.PATH;
afterAll(() => {
  process.env.PATH = path;
});

it.skipIf(process.platform !== 'linux')(
  'starts units with their watchdog thread when setpriv refuses --pdeathsig, and they run items',
  async () => {
    // This file's module instance has forked nothing yet: the first unit looks setpriv up on this PATH.
    process.env.PATH = `${fileURLToPath(new URL('./fixtures/old-setpriv', import.meta.url))}:${path}`;
    const first = await startUnit(fixtureTasks.echo);
    const second = await startUnit(fixtureTasks.echo);
    try {
      for (const { unit } of [first, second])
        expect(await unit.run({ index: 0, input: 'hello' })).toMatchObject({ ok: true, value: 'hello' });
      // setpriv's complaint is not the task's output: nothing of it reaches the run's log.
      expect(first.spec.printed).toEqual([]);
      // Fallen back: no unit was told an engine pid to check (a guarded unit's last argument).
      for (const { unit } of [first, second]) {
        const pid = unit.id.replace('pid ', '');
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
        expect(argv.at(-1)).not.toBe(String(process.pid));
        expect(argv.at(-1)).toBe('0');
      }
    } finally {
      await Promise.all([first.unit.close(), second.unit.close()]);
    }
  },
);
