/**
 * docs/authoring.md shows the contract's `Unit` and the scaffold's unit as code: they must be the code as it
 * is, so that the guide a newcomer copies from compiles and passes the conformance suite.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { unitEntrySource, unitSource } from '../src/scaffold/templates/strategy-source.js';
import { REPO_ROOT } from './fixtures/scaffold/temp-project.js';

let guide: string;
beforeAll(async () => {
  guide = await readFile(join(REPO_ROOT, 'docs/authoring.md'), 'utf8');
});

/** The fenced TypeScript blocks of the guide, as written. */
const tsBlocks = (): string[] => [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

it('shows the Unit interface exactly as the contract declares it', async () => {
  const contract = await readFile(join(REPO_ROOT, 'packages/core/src/contract/strategy.ts'), 'utf8');
  const unit = contract.match(/^export interface Unit \{\n[\s\S]*?\n\}\n/m)?.[0];
  expect(unit).toBeDefined();
  expect(tsBlocks()).toContain(unit);
});

it('shows the scaffold’s unit, both sides, exactly as `concur new-strategy` writes them', () => {
  expect(tsBlocks()).toContain(unitSource());
  expect(tsBlocks()).toContain(unitEntrySource());
});

it('keeps measured figures out of its performance notes', () => {
  const notes = guide.slice(guide.indexOf('## Performance notes'));
  expect(notes.length).toBeGreaterThan(100);
  expect(notes).not.toMatch(/\d\s*(µs|ns|ms|%|×)|\babout \d|\d+ times/);
  expect(notes).toContain('BENCHMARKS.md');
});
