import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Workload } from '@concur/core';
import * as core from '@concur/core';

export interface CustomWorkloadOptions {
  readonly taskPath: string;
  readonly inputsFile?: string;
  readonly items?: number;
  readonly cwd: string;
}

type CustomWorkload = (options: CustomWorkloadOptions) => Promise<Workload>;

/**
 * `customWorkload` from @concur/core. Its index names it once the core package wires it in; until then it is
 * read from core's build, where it already is.
 */
async function resolveCustomWorkload(): Promise<CustomWorkload> {
  const named = (core as Record<string, unknown>).customWorkload;
  if (typeof named === 'function') return named as CustomWorkload;
  const index = createRequire(import.meta.url).resolve('@concur/core');
  const module = (await import(new URL('./workload/custom-workload.js', pathToFileURL(index)).href)) as {
    customWorkload: CustomWorkload;
  };
  return module.customWorkload;
}

export const customWorkload: CustomWorkload = await resolveCustomWorkload();
