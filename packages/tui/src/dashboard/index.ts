/** The interactive dashboard: `concur` with no arguments, in a terminal. */
import { render } from 'ink';
import { createElement } from 'react';
import type { DashboardOptions, StartDashboard } from '../session/types.js';
import { App } from './App.js';

export type { DashboardOptions };

/** Runs the dashboard until the user quits; resolves to the exit code. The terminal is restored on exit. */
export const startDashboard: StartDashboard = async (options: DashboardOptions): Promise<number> => {
  let code = 0;
  // Ctrl-C is handled by the app like `q`, so that a run is stopped cleanly rather than the process killed.
  const instance = render(
    createElement(App, {
      catalog: options.catalog,
      execute: options.execute,
      initial: options.initial,
      startImmediately: options.startImmediately,
      onExit: (exitCode: number) => {
        code = exitCode;
      },
    }),
    // A frame is written whole inside a synchronized update (ink does that on a terminal): no tearing.
    { exitOnCtrlC: false },
  );
  await instance.waitUntilExit();
  return code;
};
