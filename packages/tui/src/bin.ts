#!/usr/bin/env node
import { main } from './cli/main.js';

// The exit status is set, not forced: process.exit could cut off output still draining into a pipe.
process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
