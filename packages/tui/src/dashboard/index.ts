/** The interactive dashboard: `concur` with no arguments, in a terminal. */
import { wantsColour } from '../cli/colour.js';
import type { DashboardOptions, StartDashboard } from '../session/types.js';

export type { DashboardOptions };

/** Runs the dashboard until the user quits; resolves to the exit code. The terminal is restored on exit. */
export const startDashboard: StartDashboard = async (options: DashboardOptions): Promise<number> => {
  const colour = wantsColour(process.stdout, process.env);
  const { renderDashboard } = await withEnvWhileLoading(
    loadEnv(colour),
    () => import('./render-dashboard.js'),
  );
  return renderDashboard(options, colour);
};

/**
 * What React and ink read once, when they load. React picks its build from NODE_ENV, and without one it
 * loads the development build, which costs about a fifth more CPU per frame: ask for production unless the
 * user set NODE_ENV. ink's colours honour FORCE_COLOR but not NO_COLOR: where the user asked for no colour,
 * say FORCE_COLOR=0 to it.
 */
function loadEnv(colour: boolean): Record<string, string> {
  const env: Record<string, string> = {};
  if (process.env.NODE_ENV === undefined) env.NODE_ENV = 'production';
  if (!colour && process.env.FORCE_COLOR === undefined) env.FORCE_COLOR = '0';
  return env;
}

/**
 * Set `overrides` while `load` runs, then put the environment back, so that the engine processes (and the
 * tasks in them) see the user's own.
 */
async function withEnvWhileLoading<T>(overrides: Record<string, string>, load: () => Promise<T>): Promise<T> {
  const names = Object.keys(overrides);
  for (const name of names) process.env[name] = overrides[name];
  try {
    return await load();
  } finally {
    for (const name of names) delete process.env[name];
  }
}
