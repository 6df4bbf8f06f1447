#!/usr/bin/env node
// The `concur` command. A committed shim, so that npm links it at install time, before anything is built;
// the command itself is the build's dist/bin.js.
import { existsSync } from 'node:fs';

const built = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(built)) {
  console.error('concur: not built yet; run `npm run build` (or `npm start`) at the project root first');
  process.exit(2);
}
await import(built.href);
