// Units fork the built child entry (dist/child-entry.js), so every test runs the build, exactly as a user
// would. The URL is computed so that typechecking does not need a build.
import type { Strategy } from '@concur/core';

export const loadStrategy = async (): Promise<Strategy> =>
  ((await import(new URL('../dist/index.js', import.meta.url).href)) as { default: Strategy }).default;

/** File URL of a plain-JavaScript task in test/fixtures. */
export const fixture = (file: string): string => new URL(`./fixtures/${file}`, import.meta.url).href;
