// The results screen's traits table: a point per line, aligned under its column, and a strategy after
// another where the terminal is too narrow for the columns.
import type { StrategyTraits } from '@concur/core';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { TraitsTable } from '../src/dashboard/TraitsTable.js';
import { plain } from './fixtures/dashboard/samples.js';

afterEach(cleanup);

const strategy = (name: string, pros: string[], cons: string[]): StrategyTraits => ({
  name,
  model: name,
  summary: name,
  traits: {
    unit: name === 'async' ? 'Coroutine (a promise chain)' : 'Thread',
    memory: 'Shared',
    parallel: name !== 'async',
    execution: name === 'async' ? 'Concurrency' : 'Parallelism',
    bestFor: 'things',
    pros,
    cons,
  },
});

const traits = [
  strategy(
    'thread',
    ['Truly parallel: no global interpreter lock, unlike CPython threads', 'Starts faster than a process'],
    ['Inputs and outputs are copied by structured clone'],
  ),
  strategy('async', ['A unit costs almost nothing', 'No copying'], ['One blocking call stalls every slot']),
];

const frameAt = (width: number) =>
  plain(render(<TraitsTable traits={traits} order={['thread', 'async']} width={width} />).lastFrame());

describe('the traits table', () => {
  it('puts each pro and con on its own line after a bullet, never joined by semicolons', () => {
    const frame = frameAt(160);
    expect(frame).not.toContain(';');
    const lines = frame.split('\n');
    const prosAt = lines.findIndex((line) => line.startsWith('Pros'));
    expect(lines[prosAt]).toMatch(
      /^Pros +• Truly parallel: no global interpreter lock, unlike CPython +• A unit costs almost nothing/,
    );
    // The second point of each list starts a line of its own, in the same column as the first.
    const second = lines.find((line) => line.includes('• Starts faster than a process'));
    expect(second?.indexOf('•')).toBe(lines[prosAt]?.indexOf('•'));
    const column = lines[prosAt]?.lastIndexOf('•') ?? -1;
    expect(lines.find((line) => line.includes('• No copying'))?.indexOf('•')).toBe(column);
  });

  it('hangs a wrapped point under its text, with no line starting in spaces inside a cell', () => {
    const frame = frameAt(100);
    const lines = frame.split('\n');
    const first = lines.find((line) => line.includes('• Truly parallel')) ?? '';
    const textAt = first.indexOf('Truly');
    const wrapped = lines[lines.indexOf(first) + 1] ?? '';
    // The continuation of the point starts where its text did, not under the bullet.
    expect(wrapped.slice(textAt - 2, textAt)).toBe('  ');
    expect(wrapped[textAt]).not.toBe(' ');
  });

  it('stacks the strategies where the terminal is too narrow for the columns', () => {
    const frame = frameAt(60);
    const lines = frame.split('\n');
    expect(lines[0]).toBe('thread');
    expect(lines.some((line) => line === 'async')).toBe(true);
    expect(frame).toMatch(/ {2}Cons +• One blocking call stalls every/);
    expect(frame).toMatch(/ {2}Parallelism\/Concurrency +Concurrency/);
  });
});
