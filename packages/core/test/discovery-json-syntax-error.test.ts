// The line and column of a JSON syntax error, found the same way on every Node version.
import { expect, test } from 'vitest';
import { findJsonSyntaxError } from '../src/discovery/json-syntax-error.js';

test.each([
  ['{\n  "a": 1,\n}', 3, 1, 'unexpected "}"'],
  ['{"strategies": [\'fast\']}', 1, 17, 'unexpected "\'"'],
  ['{"a": [1, 2', 1, 12, 'unexpected end of file'],
  ['{"a": tru}', 1, 10, 'unexpected "}"'],
  ['{"a": 01}', 1, 8, 'unexpected "1"'],
  ['{"a": "tab\there"}', 1, 11, 'unexpected "\\t"'],
  ['{"a": "\\x"}', 1, 9, 'unexpected "x"'],
  ['{} {}', 1, 4, 'unexpected "{"'],
  ['', 1, 1, 'unexpected end of file'],
])('%j fails at line %i, column %i', (text, line, column, problem) => {
  expect(() => JSON.parse(text)).toThrow();
  expect(findJsonSyntaxError(text)).toEqual({ line, column, problem });
});

test.each([
  '{}',
  '[]',
  ' {"a": [1, -2.5e+3, true, false, null, "x\\"y\\u00e9"], "b": {"c": {}}}\n',
  '"just a string"',
  '0',
])('valid JSON %j has no error', (text) => {
  expect(() => JSON.parse(text)).not.toThrow();
  expect(findJsonSyntaxError(text)).toBeUndefined();
});
