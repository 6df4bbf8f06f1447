// What one live-screen frame costs the dashboard process, in a fresh process: CPU per frame (every thread
// of the process) and bytes written, drawing the live screen of a CPU-bound run (progress moving every
// frame) into a terminal-like stream that only counts what it is given. Prints one JSON line.
//   node bench/probes/frame-cost.mjs '{"units":2,"frames":300}'
// The dashboard loads React's production build (see packages/tui/src/dashboard/index.ts); so does this.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

process.env.NODE_ENV ??= 'production';
const { render } = await import('ink');
const { createElement } = await import('react');
// The dashboard's own screen, from @concur/tui's build (not part of its exports: the bench reads it).
const tui = pathToFileURL(createRequire(import.meta.url).resolve('@concur/tui'));
const { LiveScreen } = await import(new URL('./dashboard/LiveScreen.js', tui).href);
// The same made-up run the dashboard draws to warm up before its first real one.
const { nowhere, syntheticBoard, syntheticSnapshot } = await import(
  new URL('./dashboard/warm-up.js', tui).href
);

const { units = 2, frames = 300 } = JSON.parse(process.argv[2] ?? '{}');

let clock = 0;
const board = syntheticBoard(units, () => clock);
let bytes = 0;
const stdout = nowhere((count) => {
  bytes += count;
});
const element = (frame) =>
  createElement(LiveScreen, {
    key: 'live',
    board,
    workload: { name: 'cpu-sum', kind: 'cpu' },
    traits: {}, // no stall in this made-up run, so no hint to look up
    rows: 40,
    columns: 120,
    stopping: false,
    everyMs: 1e9, // frames come from rerender below, not the screen's own timer
    frame,
  });
const instance = render(element(0), { stdout, patchConsole: false, exitOnCtrlC: false });
const settle = () => new Promise((resolve) => setTimeout(resolve, 40));

async function measure(count) {
  const before = process.cpuUsage();
  const bytesBefore = bytes;
  for (let frame = 1; frame <= count; frame += 1) {
    clock += 100;
    board.handle({ type: 'snapshot', snapshot: syntheticSnapshot(frame, units) });
    instance.rerender(element(frame));
    await settle(); // ink draws at most maxFps: leave it the time to draw each frame
  }
  const used = process.cpuUsage(before);
  return { cpuMs: (used.user + used.system) / 1000 / count, bytes: (bytes - bytesBefore) / count };
}

await measure(50); // warm up the JIT
const idle = process.cpuUsage();
await new Promise((resolve) => setTimeout(resolve, 40 * 100));
const idleUsed = process.cpuUsage(idle);
const idlePerFrame = (idleUsed.user + idleUsed.system) / 1000 / 100;
const result = await measure(frames);
instance.unmount();
process.stdout.write(
  `${JSON.stringify({ units, frames, cpuMsPerFrame: result.cpuMs - idlePerFrame, bytesPerFrame: result.bytes })}\n`,
);
