import { render } from 'ink';
import type { DashboardOptions } from '../session/types.js';
import { App } from './App.js';
import { ColourContext } from './colour-context.js';
import { warmUpDrawing } from './warm-up.js';

/**
 * Draw the app until the user quits; resolves to the exit code. ink's unmount restores the terminal.
 * `colour`: whether ink draws in colour, which the live bars need to know.
 */
export async function renderDashboard(options: DashboardOptions, colour: boolean): Promise<number> {
  let code = 0;
  let warm = () => {};
  const drawingWarm = new Promise<void>((resolve) => (warm = resolve));
  // Ctrl-C is handled by the app like `q`, so that a run is stopped cleanly rather than the process killed.
  // A frame is written whole inside a synchronized update (ink does that on a terminal): no tearing.
  const instance = render(
    <ColourContext.Provider value={colour}>
      <App
        catalog={options.catalog}
        execute={options.execute}
        initial={options.initial}
        startImmediately={options.startImmediately}
        drawingWarm={drawingWarm}
        onExit={(exitCode) => {
          code = exitCode;
        }}
      />
    </ColourContext.Provider>,
    { exitOnCtrlC: false },
  );
  // After the first frame is on screen; a warm-up that fails only leaves the first run's frames dearer.
  warmUpDrawing().then(warm, warm);
  await instance.waitUntilExit();
  return code;
}
