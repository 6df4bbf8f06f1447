import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import type { Params, ServiceInfo, Workload } from '../contract/workload.js';
import { TIMED_OUT, withinMs } from '../unit-kit/wait.js';
import type { FromService, ServiceUsage, ToService } from './messages.js';

// From the build, whether this module runs from src (tests) or dist: a child process needs JavaScript.
const ENTRY = new URL('../../dist/orchestrate/service-entry.js', import.meta.url);

/** The services a workload needs, each running in a process of its own. */
export interface RunningServices {
  readonly info: ServiceInfo;
  /** Each service's own CPU and memory so far. */
  usage(): Promise<Record<string, ServiceUsage>>;
  /** Stop them all; safe to call twice. */
  stop(): Promise<void>;
}

/** Start every service the workload uses with these params; resolves once each reports ready. */
export async function startServices(workload: Workload, params: Params): Promise<RunningServices> {
  const children = new Map<string, ChildProcess>();
  const info: Record<string, Readonly<Record<string, unknown>>> = {};
  const stop = async () => {
    await Promise.all(
      [...children.values()].map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        if (child.connected) child.send({ kind: 'stop' } satisfies ToService);
        if ((await withinMs(exited, 2_000)) === TIMED_OUT) child.kill('SIGKILL');
        await exited;
      }),
    );
  };
  try {
    for (const [name, use] of Object.entries(workload.services ?? {})) {
      const options = use.options ? use.options(params) : {};
      if (options === undefined) continue; // e.g. the user pointed the workload elsewhere
      const child = fork(ENTRY, [], {
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        execArgv: [],
      });
      children.set(name, child);
      info[name] = await request(child, { kind: 'start', module: use.module, options }, 'ready', name).then(
        (m) => m.info,
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    info,
    stop,
    async usage() {
      const out: Record<string, ServiceUsage> = {};
      for (const [name, child] of children)
        if (child.connected) out[name] = (await request(child, { kind: 'usage' }, 'usage', name)).usage;
      return out;
    },
  };
}

function request<K extends FromService['kind']>(
  child: ChildProcess,
  message: ToService,
  answer: K,
  name: string,
): Promise<Extract<FromService, { kind: K }>> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const onErr = (chunk: Buffer) => {
      stderr += chunk.toString();
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.stderr?.off('data', onErr);
    };
    const onMessage = (reply: FromService) => {
      if (reply.kind === answer) {
        cleanup();
        resolve(reply as Extract<FromService, { kind: K }>);
      } else if (reply.kind === 'failed') {
        cleanup();
        reject(new Error(`service "${name}" failed to start: ${reply.message}`));
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(
        new Error(
          `service "${name}" exited with code ${code}${stderr ? `: ${stderr.trim().split('\n')[0]}` : ''}`,
        ),
      );
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.stderr?.on('data', onErr);
    child.send(message);
  });
}
