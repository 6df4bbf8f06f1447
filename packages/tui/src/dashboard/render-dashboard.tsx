import { render } from 'ink';
import type { DashboardOptions } from '../session/types.js';
import { App } from './App.js';

/** Draw the app until the user quits; resolves to the exit code. ink's unmount restores the terminal. */
export async function renderDashboard(options: DashboardOptions): Promise<number> {
  let code = 0;
  // Ctrl-C is handled by the app like `q`, so that a run is stopped cleanly rather than the process killed.
  // A frame is written whole inside a synchronized update (ink does that on a terminal): no tearing.
  const instance = render(
    <App
      catalog={options.catalog}
      execute={options.execute}
      initial={options.initial}
      startImmediately={options.startImmediately}
      onExit={(exitCode) => {
        code = exitCode;
      }}
    />,
    { exitOnCtrlC: false },
  );
  await instance.waitUntilExit();
  return code;
}
