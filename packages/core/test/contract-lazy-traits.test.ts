import { expect, it } from 'vitest';
import { strategyShapeProblem } from '../src/contract/strategy.js';
import { defineStrategy, type Traits } from '../src/index.js';
import { inline } from './fixtures/engine.js';

const traits: Traits = {
  unit: 'Thing',
  memory: 'Shared',
  parallel: false,
  execution: 'Concurrency',
  bestFor: 'tests',
  pros: ['one'],
  cons: ['two'],
};

it('checks a strategy without reading traits kept behind a getter, which may ask the system', () => {
  let reads = 0;
  const strategy = defineStrategy({
    ...inline,
    meta: { name: 'lazy', version: '0.0.0', apiVersion: 1 },
    get traits() {
      reads += 1;
      return traits;
    },
  });
  expect(reads).toBe(0);
  // Read where it is used, the getter answers as ever.
  expect(strategy.traits.unit).toBe('Thing');
  expect(reads).toBe(1);
});

it('checks a getter on a prototype the same way, and still names a strategy with no traits at all', () => {
  class Lazy {
    meta = { name: 'lazy-class', version: '0.0.0', apiVersion: 1 };
    model = 'thing';
    summary = 'a strategy whose traits come from a getter on its class';
    spawn = inline.spawn;
    defaultConcurrency = () => 1;
    reads = 0;
    get traits(): Traits {
      this.reads += 1;
      return traits;
    }
  }
  const lazy = new Lazy();
  expect(strategyShapeProblem(lazy)).toBeUndefined();
  expect(lazy.reads).toBe(0);
  const { traits: _none, ...noTraits } = { ...inline, meta: { name: 'bare', version: '0', apiVersion: 1 } };
  expect(strategyShapeProblem(noTraits)).toBe('strategy "bare" has no `traits`');
});
