/** The interactive dashboard: `concur` with no arguments, in a terminal. */
import type { Catalog } from '@concur/core';
import { render } from 'ink';
import { createElement } from 'react';
import type { ComparisonRequest, ExecuteComparison } from '../session/types.js';
import { App } from './App.js';

export interface DashboardOptions {
  readonly catalog: Catalog;
  readonly execute: ExecuteComparison;
  readonly initial?: Partial<ComparisonRequest>;
}

/** Runs the dashboard until the user quits; resolves to the exit code. The terminal is restored on exit. */
export async function startDashboard(options: DashboardOptions): Promise<number> {
  let code = 0;
  // Ctrl-C is handled by the app like `q`, so that a run is stopped cleanly rather than the process killed.
  const instance = render(
    createElement(App, {
      catalog: options.catalog,
      execute: options.execute,
      initial: options.initial,
      onExit: (exitCode: number) => {
        code = exitCode;
      },
    }),
    { exitOnCtrlC: false },
  );
  await instance.waitUntilExit();
  return code;
}
