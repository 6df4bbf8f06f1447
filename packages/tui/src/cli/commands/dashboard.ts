/**
 * `concur` alone: the interactive dashboard in a terminal; without one (a pipe, CI) the default experiment
 * with plain output, since nobody could answer the dashboard's questions.
 */
import { fileURLToPath } from 'node:url';
import { runPlain } from '../../plain/run-plain.js';
import { unavailableStrategies, withoutUnavailable } from '../../session/availability.js';
import { defaultRequest } from '../../session/default-request.js';
import { executeIn } from '../../session/execute-comparison.js';
import { SIGNAL_EXIT, type TerminationSignal, trapTermination } from '../../session/signals.js';
import type { DashboardOptions, StartDashboard } from '../../session/types.js';
import type { CliContext } from '../context.js';
import { discoverCatalog } from '../discover-catalog.js';
import { isInteractive } from '../interactive.js';

// Loaded by a computed specifier so that the command builds and runs without the dashboard, and never pays
// for React and Ink when it prints plain lines.
const DASHBOARD_MODULE = '../../dashboard/index.js';

export async function dashboardCommand(ctx: CliContext): Promise<number> {
  const catalog = await discoverCatalog(ctx);
  const initial = defaultRequest(catalog);
  if (isInteractive(ctx.stdout, ctx.env)) {
    const code = await openDashboard({ catalog, initial }, ctx);
    if (code !== undefined) return code;
  }
  return runPlain(initial, catalog, ctx);
}

/** Run the dashboard to its exit code; undefined when this build has none (the caller prints plain lines). */
export async function openDashboard(
  options: Omit<DashboardOptions, 'execute'>,
  ctx: CliContext,
): Promise<number | undefined> {
  const start = await loadDashboard(ctx);
  if (!start) return undefined;
  // A strategy that cannot run here is offered greyed, with its line, and not chosen by default.
  const unavailable = await unavailableStrategies(
    options.catalog.strategies,
    options.initial?.strategyOptions ?? {},
  );
  // SIGTERM and SIGHUP (and a SIGINT sent by kill: in raw mode Ctrl-C is a key the dashboard reads) stop
  // whatever comparison the dashboard is running, exactly as they do for plain output; then concur leaves
  // (process.exit: Ink restores the terminal on exit), since nobody may be there to press q.
  let running = 0;
  const leave = (signal: TerminationSignal) => process.exit(SIGNAL_EXIT[signal]);
  const termination = trapTermination({
    onSignal: (signal) => {
      if (running === 0) leave(signal);
    },
  });
  try {
    const code = await start({
      ...options,
      catalog: withoutUnavailable(options.catalog, unavailable),
      execute: async (request, execute) => {
        running += 1;
        try {
          return await executeIn(ctx.cwd, request, {
            ...execute,
            // A forced exit (a second signal, or cleanup overrunning) writes what was measured first.
            onSalvage: (salvage) => termination.setSalvage(salvage),
            signal: execute.signal
              ? AbortSignal.any([execute.signal, termination.signal])
              : termination.signal,
          });
        } finally {
          running -= 1;
          const signal = termination.received();
          // The partial report is written by now; give the dashboard a moment to say so, then go.
          if (signal) setTimeout(() => leave(signal), 200);
        }
      },
    });
    const signal = termination.received();
    return signal ? SIGNAL_EXIT[signal] : code;
  } finally {
    termination.dispose();
  }
}

async function loadDashboard(ctx: CliContext): Promise<StartDashboard | undefined> {
  try {
    const module = (await import(DASHBOARD_MODULE)) as { startDashboard?: StartDashboard };
    return module.startDashboard;
  } catch (error) {
    // Only the dashboard's own module being absent means "no dashboard"; a module it imports being absent
    // is a broken installation, and that error should be seen.
    const missing = fileURLToPath(new URL(DASHBOARD_MODULE, import.meta.url));
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (code !== 'ERR_MODULE_NOT_FOUND' || !String(message).includes(`'${missing}'`)) throw error;
    ctx.stderr.write('concur: this build has no dashboard; printing plain progress instead\n');
    return undefined;
  }
}
