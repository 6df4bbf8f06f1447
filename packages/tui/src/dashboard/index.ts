/** The interactive dashboard: `concur` with no arguments, in a terminal. */
import type { DashboardOptions, StartDashboard } from '../session/types.js';

export type { DashboardOptions };

/** Runs the dashboard until the user quits; resolves to the exit code. The terminal is restored on exit. */
export const startDashboard: StartDashboard = async (options: DashboardOptions): Promise<number> => {
  const { renderDashboard } = await importReactForProduction(() => import('./render-dashboard.js'));
  return renderDashboard(options);
};

/**
 * React picks its build from NODE_ENV when it is first loaded, and without one it loads the development
 * build, which costs about a fifth more CPU per frame. Ask for the production build while React and ink load,
 * then put NODE_ENV back so that the engine processes (and the tasks in them) see the user's environment.
 * A NODE_ENV the user set is left alone.
 */
async function importReactForProduction<T>(load: () => Promise<T>): Promise<T> {
  if (process.env.NODE_ENV !== undefined) return load();
  process.env.NODE_ENV = 'production';
  try {
    return await load();
  } finally {
    delete process.env.NODE_ENV;
  }
}
