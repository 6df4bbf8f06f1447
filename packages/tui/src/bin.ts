#!/usr/bin/env node
import { once } from 'node:events';
import { main } from './cli/main.js';

// The exit status is set, not forced: process.exit could cut off output still draining into a pipe.
process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
// Once everything printed has left, nothing the command owns is running. Something it does not own may still
// hold the process open (a plugin whose import timed out keeps a timer or a socket of its own): leave anyway.
// Unref'd, so an ordinary exit never waits for it.
for (const stream of [process.stdout, process.stderr])
  if (stream.writableLength > 0) await once(stream, 'drain').catch(() => {});
setTimeout(() => process.exit(), 2_000).unref();
