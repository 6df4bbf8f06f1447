// Discovery: find strategy and workload plugins, load them, and list the broken ones with their reasons.
export { describeSource } from './catalog.js';
export { CONFIG_FILES } from './config.js';
export { discover } from './discover.js';
export { pickStrategies, pickWorkload } from './pick.js';
export type {
  BrokenPlugin,
  Catalog,
  DiscoverOptions,
  LoadedStrategy,
  LoadedWorkload,
  PluginKind,
  PluginSource,
} from './types.js';
