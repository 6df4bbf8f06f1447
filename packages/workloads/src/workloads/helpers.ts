import {
  InputError,
  type ParamSpec,
  type Params,
  type ServiceInfo,
  type ServiceUse,
  type Workload,
} from '@concur/core';
import { httpServerService } from '../task-url.js';

/** A param's value as a number (params are already checked against their specs when `inputs` runs). */
export const num = (params: Params, name: string): number => Number(params[name]);

/** `count` copies of one input: the article runs the same item several times. */
export function repeat<T>(count: number, make: (index: number) => T): T[] {
  return Array.from({ length: count }, (_, index) => make(index));
}

/** The same workload under another name, with other defaults: the presets that reproduce the article. */
export function preset<W extends Workload>(
  base: W,
  name: string,
  description: string,
  defaults: Readonly<Record<string, Params[string]>>,
): W {
  const params: Record<string, ParamSpec> = { ...base.params };
  for (const [key, value] of Object.entries(defaults)) {
    const spec = params[key];
    if (!spec) throw new Error(`preset ${name}: ${base.name} has no param ${key}. This is a bug in concur.`);
    params[key] = { ...spec, default: value };
  }
  return { ...base, name, description, params };
}

/** The params every workload that downloads shares. */
export const httpParams = {
  latencyMs: {
    type: 'integer',
    default: 100,
    min: 0,
    description: "How long concur's loopback server waits before each answer, in ms",
  },
  bodyBytes: {
    type: 'integer',
    default: 1024,
    min: 0,
    description: "Body size of each of the server's answers, in bytes",
  },
  keepAlive: {
    type: 'boolean',
    default: true,
    description:
      'Reuse connections between requests (a keep-alive agent); false opens a connection per request',
  },
  url: {
    type: 'string',
    default: '',
    description:
      "GET this http(s) URL instead of concur's own server (latencyMs and bodyBytes then do not apply)",
  },
} as const satisfies Record<string, ParamSpec>;

/** concur's loopback server, started for the run unless the user points `url` elsewhere. */
export const loopbackServer: ServiceUse = {
  module: httpServerService,
  options: (params) =>
    params.url ? undefined : { latencyMs: num(params, 'latencyMs'), bodyBytes: num(params, 'bodyBytes') },
};

/** The URL to GET: the user's, checked, or the started server's. */
export function targetUrl(params: Params, services: ServiceInfo): string {
  const own = String(params.url ?? '');
  if (own !== '') {
    let parsed: URL | undefined;
    try {
      parsed = new URL(own);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:'))
      throw new InputError(`--param url must be an http:// or https:// URL, got ${JSON.stringify(own)}`);
    return parsed.href;
  }
  const url = services.server?.url;
  if (typeof url !== 'string')
    throw new Error('the http-server service reported no url. This is a bug in concur.');
  return url;
}
