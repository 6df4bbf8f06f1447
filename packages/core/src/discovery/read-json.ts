import { readFile } from 'node:fs/promises';
import { findJsonSyntaxError } from './json-syntax-error.js';

/** A JSON file's value, or one line saying why it could not be read ("is not valid JSON at line 3, column 5: …"). */
export type JsonRead =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: string };

/** Read and parse a JSON file without throwing; a missing file is reported as `missing`. */
export async function readJsonFile(file: string): Promise<JsonRead | 'missing'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    return { ok: false, problem: `could not be read (${(error as Error).message})` };
  }
  try {
    // A byte-order mark is invisible in editors and harmless to npm; don't fail on it.
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    const syntax = findJsonSyntaxError(text.replace(/^\uFEFF/, ''));
    if (!syntax)
      return { ok: false, problem: `is not valid JSON (${(error as Error).message.split('\n')[0]})` };
    return {
      ok: false,
      problem: `is not valid JSON at line ${syntax.line}, column ${syntax.column}: ${syntax.problem}`,
    };
  }
}
