import { InputError } from '@concur/core';
import { expect, it } from 'vitest';
import { strategyNames } from '../src/scaffold/strategy-name.js';

it('names the strategy NAME and its package concur-strategy-NAME', () => {
  expect(strategyNames('my-pool')).toEqual({ strategy: 'my-pool', packageName: 'concur-strategy-my-pool' });
  expect(strategyNames('pool2.v_1')).toEqual({
    strategy: 'pool2.v_1',
    packageName: 'concur-strategy-pool2.v_1',
  });
});

it('does not double the package prefix when NAME already has it', () => {
  expect(strategyNames('concur-strategy-fast')).toEqual({
    strategy: 'fast',
    packageName: 'concur-strategy-fast',
  });
});

it.each([
  ['My Pool', '; try "my-pool"'],
  ['MyPool', '; try "mypool"'],
  ['-pool', '; try "pool"'],
  ['@me/pool', '; try "me-pool"'],
  ['', ''],
  ['concur-strategy-', ''],
])('refuses %j with the rule and a fix', (name, fix) => {
  const attempt = () => strategyNames(name);
  expect(attempt).toThrow(InputError);
  expect(attempt).toThrow(
    `strategy name must be lower-case letters, digits, "-", "." or "_" (at most 60), starting with a letter or digit, got ${JSON.stringify(name)}${fix}`,
  );
});

it('refuses a name longer than 60 characters', () => {
  expect(() => strategyNames('a'.repeat(61))).toThrow(InputError);
  expect(strategyNames('a'.repeat(60)).strategy).toHaveLength(60);
});
