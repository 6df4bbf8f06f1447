/**
 * The loopback HTTP server as a concur service: concur starts this module in a process of its own, so the
 * server never shares an event loop or a core budget silently with the strategy under test. The info it
 * reports reaches the workload's `inputs` as `services.server`.
 */
import { defineService } from '@concur/core';
import { type ServerOptions, startServer } from './start-server.js';

export default defineService({
  name: 'http-server',
  async start(options) {
    const server = await startServer(options as ServerOptions);
    return {
      info: { url: server.url, statsUrl: server.statsUrl, pid: process.pid },
      stop: () => server.stop(),
    };
  },
});
