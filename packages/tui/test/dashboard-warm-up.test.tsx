// Before its first run the dashboard warms its drawing up off screen, and the run waits for that.
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/dashboard/App.js';
import { warmUpDrawing } from '../src/dashboard/warm-up.js';
import { catalog, eventually, tick } from './fixtures/dashboard/samples.js';

afterEach(cleanup);

describe('warming the drawing up', () => {
  it('draws where nobody sees: nothing reaches the terminal, not even a warning', async () => {
    const write = vi.spyOn(process.stdout, 'write');
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      await warmUpDrawing(5);
      expect(write).not.toHaveBeenCalled();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
      warn.mockRestore();
    }
  });

  it('starts a run only once the drawing is warm', async () => {
    let warm = () => {};
    const drawingWarm = new Promise<void>((resolve) => (warm = resolve));
    const execute = vi.fn(() => new Promise<never>(() => {}));
    const app = render(
      <App catalog={catalog()} execute={execute} onExit={() => {}} drawingWarm={drawingWarm} />,
    );
    await tick();
    app.stdin.write('\r');
    await tick(50);
    expect(execute).not.toHaveBeenCalled();
    warm();
    await eventually(() => expect(execute).toHaveBeenCalledTimes(1));
  });
});
