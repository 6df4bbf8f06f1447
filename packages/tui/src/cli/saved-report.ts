/**
 * A report saved earlier (`concur run --json FILE`), read for `--against` and `concur diff`. Anything that is
 * not one — no file, not JSON, another kind of JSON, a damaged or newer report — is an InputError of one line
 * that names the file, so the command exits with status 2 before it measures anything.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError, type Report } from '@concur/core';
import { DIFF_SCHEMA, REPORT_SCHEMA, validateReport } from '@concur/core/orchestrate';

/** A saved report and how the user named it, for the diff's lines ("a.json"). */
export interface SavedReport {
  readonly label: string;
  readonly report: Report;
}

const WRITTEN_BY = 'give a file written by `concur run --json FILE`';

/** `file` as given (relative to `cwd`); `what` names it in messages: "--against a.json" or "a.json". */
export async function readSavedReport(file: string, cwd: string, what = file): Promise<SavedReport> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : message;
    throw new InputError(`${what}: ${why}; ${WRITTEN_BY}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError(`${what} is not a concur report (not JSON); ${WRITTEN_BY}`);
  }
  const schema = (json as { schema?: unknown } | null)?.schema;
  if (schema === DIFF_SCHEMA)
    throw new InputError(`${what} is a concur diff, not a report; give the two reports it was made from`);
  if (schema !== REPORT_SCHEMA)
    throw new InputError(`${what} is not a concur report (no "schema": "${REPORT_SCHEMA}"); ${WRITTEN_BY}`);
  try {
    return { label: file, report: validateReport(json) };
  } catch (error) {
    throw new InputError(`${what} cannot be read as a concur report: ${(error as Error).message}`);
  }
}
