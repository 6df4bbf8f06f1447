// Task modules are loaded by file URL in each unit's own process, thread or loop, so they must exist as
// JavaScript: these tests run the built package (`dist`), with the types of `src`, so that typecheck needs
// no build.
import type * as Workloads from '../src/index.js';

const dist = new URL('../dist/index.js', import.meta.url).href;

export const built = (await import(dist)) as typeof Workloads;

/** A built module other than the index, by its path under dist (e.g. "server/service.js"). */
export const distUrl = (path: string): string => new URL(`../dist/${path}`, import.meta.url).href;
