// @concur/tui: the `concur` command as a function, and what the command line shares with the dashboard.
export type { CliContext } from './cli/context.js';
export { main } from './cli/main.js';
export { defaultRequest } from './session/default-request.js';
export { executeComparison } from './session/execute-comparison.js';
export type { TerminationSignal } from './session/signals.js';
export { SIGNAL_EXIT, trapTermination } from './session/signals.js';
export type {
  ComparisonRequest,
  DashboardOptions,
  ExecuteComparison,
  ExecuteOptions,
  ExportTargets,
  StartDashboard,
} from './session/types.js';
