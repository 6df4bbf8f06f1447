// Where the example's files are, for tests and for anyone driving concur from code.
import { fileURLToPath } from 'node:url';

/** The task module: `export default defineTask({ name, kind, run })`. */
export const taskFile: string = fileURLToPath(new URL('../task.mjs', import.meta.url));

/** Its inputs: a JSON array, one element per item. */
export const inputsFile: string = fileURLToPath(new URL('../inputs.json', import.meta.url));
