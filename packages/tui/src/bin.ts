#!/usr/bin/env node
import { main } from './cli/main.js';

// The exit status is set, not forced: process.exit could cut off output still draining into a pipe.
process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
// Unless something the command does not own holds the process open: a plugin whose import timed out may
// keep a timer or a socket of its own. Unref'd, so an ordinary exit never waits for it.
setTimeout(() => process.exit(), 2_000).unref();
