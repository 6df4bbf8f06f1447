/** The shapes discovery hands to the CLI: what was found, where from, and what could not be loaded. */
import type { Strategy } from '../contract/strategy.js';
import type { Workload } from '../contract/workload.js';

/** Which side of the contract a plugin module implements. */
export type PluginKind = 'strategy' | 'workload';

export interface DiscoverOptions {
  /** The user's project folder: where `concur.config.*` and `package.json` are. */
  readonly cwd: string;
  /** Built-in modules, as absolute file URLs or paths (a module file, or a folder with a manifest). */
  readonly builtins?: { readonly strategies?: readonly string[]; readonly workloads?: readonly string[] };
  /** How long one plugin module may take to import before it is listed as broken (default 10 000 ms). */
  readonly importTimeoutMs?: number;
  /**
   * Told once per plugin module still importing after a second, with the limit it may take: every command
   * waits for discovery, and a user should hear what it waits for rather than sit in silence.
   */
  readonly onSlowImport?: (specifier: string, limitMs: number) => void;
}

/** Where a plugin was found; `concur list` shows it, and error messages name it. */
export interface PluginSource {
  readonly kind: 'builtin' | 'config' | 'dependency' | 'workspace';
  /** Human words for the place: "built-in", "concur.config.json", "package.json of my-app", "workspace packages/fast". */
  readonly from: string;
  /** The npm package the module belongs to, when it came from one. */
  readonly packageName?: string;
}

export interface LoadedStrategy {
  readonly name: string;
  /** Absolute file URL of the module, importable from any process (the engine re-imports it there). */
  readonly moduleUrl: string;
  readonly source: PluginSource;
  readonly strategy: Strategy;
}

export interface LoadedWorkload {
  readonly name: string;
  /** Absolute file URL of the module; its default export is this workload or an array holding it. */
  readonly moduleUrl: string;
  readonly source: PluginSource;
  readonly workload: Workload;
}

/** A plugin that could not be used. Listed by `concur list`; never stops the others from loading. */
export interface BrokenPlugin {
  readonly kind: PluginKind;
  /** What named it: the package name, the path as written in the config, or the built-in's path. */
  readonly specifier: string;
  readonly source: PluginSource;
  /** One line naming the problem and the fix. */
  readonly reason: string;
  /** The strategy or workload name the module claims, when it got far enough to say. */
  readonly name?: string;
}

/** Everything discovery found, in discovery order (built-ins, config, dependencies, workspaces). */
export interface Catalog {
  readonly strategies: readonly LoadedStrategy[];
  readonly workloads: readonly LoadedWorkload[];
  readonly broken: readonly BrokenPlugin[];
}

/**
 * A module discovery means to load, before it is imported: either a file to import, or the reason
 * there is nothing to import (a path that does not exist, a malformed manifest).
 */
export type Candidate = {
  readonly kind: PluginKind;
  readonly specifier: string;
  readonly source: PluginSource;
} & (
  | { readonly file: string; readonly problem?: undefined }
  | { readonly file?: undefined; readonly problem: string }
);
