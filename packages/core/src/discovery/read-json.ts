import { readFile } from 'node:fs/promises';

/** A JSON file's value, or one line saying why it could not be read ("not valid JSON at line 3, column 5 (…)"). */
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
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: `is not valid JSON${where(text, (error as Error).message)}` };
  }
}

// Node words parse errors differently from version to version; a line and column is what an editor needs.
function where(text: string, message: string): string {
  const detail = message.replace(/ in JSON at position \d+.*$/s, '').split('\n')[0] ?? '';
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) return ` (${detail})`;
  const before = text.slice(0, Number(position)).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return ` at line ${line}, column ${column} (${detail})`;
}
