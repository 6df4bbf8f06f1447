// The flag parsers: what they accept, and the one-line InputError naming the flag for what they refuse.
import { InputError } from '@concur/core';
import { describe, expect, it } from 'vitest';
import {
  parseConcurrency,
  parseCount,
  parseDuration,
  parseNameList,
  parseParams,
  parseStrategyOptions,
} from '../src/cli/parse-flags.js';

function refusal(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['500ms', 500],
    ['2m', 120_000],
    ['1.5s', 1_500],
    ['1 min', 60_000],
    ['1h', 3_600_000],
    ['none', Number.POSITIVE_INFINITY],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration('--timeout', text)).toBe(ms);
  });

  it.each(['soon', '30', '0s', '-1s', '', 's', '1e3ms'])(
    'refuses %j, naming the flag and examples',
    (text) => {
      expect(refusal(() => parseDuration('--timeout', text))).toBe(
        `--timeout must be a positive duration such as 30s, 500ms or 2m (or "none"), got ${JSON.stringify(text)}`,
      );
    },
  );
});

describe('parseCount and parseConcurrency', () => {
  it('reads whole numbers at or above the minimum', () => {
    expect(parseCount('--runs', '3', 1)).toBe(3);
    expect(parseCount('--warmup', '0', 0)).toBe(0);
  });

  it.each(['0', '1.5', 'two', '', '-1', '99999999999999999999'])('refuses --runs %j', (text) => {
    expect(refusal(() => parseCount('--runs', text, 1))).toBe(
      `--runs must be an integer ≥ 1, got ${JSON.stringify(text)}`,
    );
  });

  it('reads one level or a sweep, each level once', () => {
    expect(parseConcurrency('4')).toEqual([4]);
    expect(parseConcurrency('1, 2,4,8,2')).toEqual([1, 2, 4, 8]);
  });

  it.each(['0', 'abc', '1,,2', '2,0', '1.5', ''])('refuses --concurrency %j', (text) => {
    expect(refusal(() => parseConcurrency(text))).toMatch(
      /^--concurrency must be a positive integer or a list such as 1,2,4,8/,
    );
  });
});

describe('parseNameList, parseParams and parseStrategyOptions', () => {
  it('reads strategy names, trimmed, each once', () => {
    expect(parseNameList('--strategies', 'thread, async,thread')).toEqual(['thread', 'async']);
    expect(refusal(() => parseNameList('--strategies', 'thread,'))).toMatch(
      /^--strategies must be a comma-separated list/,
    );
  });

  it('keeps param values raw (the workload parses them) and splits at the first =', () => {
    expect(parseParams(['n=1000', 'url=http://127.0.0.1:1/?a=b'])).toEqual({
      n: '1000',
      url: 'http://127.0.0.1:1/?a=b',
    });
    expect(refusal(() => parseParams(['n']))).toBe('--param must look like name=value, got "n"');
    expect(refusal(() => parseParams(['=3']))).toBe('--param must look like name=value, got "=3"');
  });

  it('groups options by strategy and reads JSON values, keeping other text as strings', () => {
    expect(
      parseStrategyOptions([
        'thread.inFlight=2',
        'thread.env=share',
        'process.execArgv=["--max-old-space-size=64"]',
        'x.flag=true',
      ]),
    ).toEqual({
      thread: { inFlight: 2, env: 'share' },
      process: { execArgv: ['--max-old-space-size=64'] },
      x: { flag: true },
    });
  });

  it.each(['inFlight=2', 'thread.=2', 'thread.inFlight', '.inFlight=2'])('refuses --option %j', (flag) => {
    expect(refusal(() => parseStrategyOptions([flag]))).toBe(
      `--option must look like strategy.key=value (e.g. thread.inFlight=2), got ${JSON.stringify(flag)}`,
    );
  });
});
