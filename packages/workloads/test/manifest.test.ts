import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Workload, workloadShapeProblem } from '@concur/core';
import { describe, expect, it } from 'vitest';
import { built, distUrl } from './built.js';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  concur?: { workload?: string };
};

describe('the discovery manifest', () => {
  it('points at a module whose default export lists every workload, valid and uniquely named', async () => {
    expect(manifest.concur?.workload).toBe('./dist/index.js');
    const listed = ((await import(distUrl('index.js'))) as { default: Workload[] }).default;
    expect(listed).toBe(built.default);
    expect(listed.map((w) => w.name)).toEqual([
      'cpu-sum',
      'cpu-hash',
      'cpu-hash-async',
      'http-get',
      'sleep',
      'fs-read',
      'mixed',
      'article-cpu',
      'article-io',
      'c10k',
    ]);
    for (const workload of listed) {
      expect(workloadShapeProblem(workload)).toBeUndefined();
      // Every built-in has a Node task; some also have twins in other runtimes.
      expect(workload.task, workload.name).toBeTypeOf('string');
      expect(existsSync(fileURLToPath(workload.task ?? '')), workload.task).toBe(true);
      for (const twin of Object.values(workload.tasks ?? {}))
        expect(existsSync(fileURLToPath(twin)), twin).toBe(true);
      for (const [name, spec] of Object.entries(workload.params)) {
        expect(
          typeof spec.default === (spec.type === 'integer' ? 'number' : spec.type),
          `${workload.name}.${name}`,
        ).toBe(true);
        expect(spec.description.length, `${workload.name}.${name}`).toBeGreaterThan(10);
      }
      for (const service of Object.values(workload.services ?? {}))
        expect(existsSync(fileURLToPath(service.module)), service.module).toBe(true);
    }
  });
});
