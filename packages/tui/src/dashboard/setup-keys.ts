/**
 * What a key does on the setup screen, as a pure step from one state to the next. Several keys can arrive
 * in one chunk (a paste, a fast typist, a terminal multiplexer), and each must see the state the previous
 * one left, not the state of the last render.
 */
import type { Catalog } from '@concur/core/orchestrate';
import type { Key } from 'ink';
import type { ComparisonRequest } from '../session/types.js';
import { formToRequest, offeredWorkloads, paramTexts, type SetupForm } from './setup-form.js';

export type SetupRow =
  | { readonly kind: 'workload'; readonly name: string }
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'strategy'; readonly name: string }
  | { readonly kind: 'concurrency' }
  | { readonly kind: 'runs' };

export interface SetupState {
  readonly form: SetupForm;
  readonly focus: number;
  readonly error: string | null;
}

export interface SetupContext {
  readonly catalog: Catalog;
  readonly initial?: Partial<ComparisonRequest> | undefined;
}

/** The rows the cursor moves through, top to bottom. */
export function setupRows({ catalog, initial }: SetupContext, form: SetupForm): SetupRow[] {
  const workloads = offeredWorkloads(catalog, initial);
  const chosen = workloads.find((w) => w.name === form.workload);
  return [
    ...workloads.map((w) => ({ kind: 'workload' as const, name: w.name })),
    ...Object.keys(chosen?.params ?? {}).map((name) => ({ kind: 'param' as const, name })),
    ...catalog.strategies.map((s) => ({ kind: 'strategy' as const, name: s.name })),
    { kind: 'concurrency' },
    { kind: 'runs' },
  ];
}

export function initialSetupState(context: SetupContext, form: SetupForm, error?: string): SetupState {
  const rows = setupRows(context, form);
  const focus = rows.findIndex((r) => r.kind === 'workload' && r.name === form.workload);
  return { form, focus: Math.max(0, focus), error: error ?? null };
}

export interface SetupStep {
  readonly state: SetupState;
  readonly start?: ComparisonRequest;
  readonly quit?: true;
}

function editText(form: SetupForm, row: SetupRow, change: (text: string) => string): SetupForm {
  if (row.kind === 'param')
    return { ...form, params: { ...form.params, [row.name]: change(form.params[row.name] ?? '') } };
  if (row.kind === 'concurrency') return { ...form, concurrency: change(form.concurrency) };
  if (row.kind === 'runs') return { ...form, runs: change(form.runs) };
  return form;
}

/**
 * `text` after typing `input`. ink hands over a run of typed characters as one input, backspaces (DEL, BS)
 * included when they arrive together ("\x7f\x7f42"), so apply them one by one; other control characters are
 * dropped.
 */
export function typed(text: string, input: string): string {
  let result = text;
  for (const char of input) {
    if (char === '\u007f' || char === '\b') result = result.slice(0, -1);
    else if (!/\p{Cc}/u.test(char)) result += char;
  }
  return result;
}

export function setupKey(context: SetupContext, state: SetupState, input: string, key: Key): SetupStep {
  const rows = setupRows(context, state.form);
  const row = rows[Math.min(state.focus, rows.length - 1)];
  const next = (changes: Partial<SetupState>): SetupStep => ({
    state: { ...state, error: null, ...changes },
  });
  if (!row) return next({});
  const workloads = offeredWorkloads(context.catalog, context.initial);
  const editsText = row.kind === 'param' || row.kind === 'concurrency' || row.kind === 'runs';
  const editsWords =
    row.kind === 'param' &&
    workloads.find((w) => w.name === state.form.workload)?.params[row.name]?.type === 'string';

  if (key.return) {
    const result = formToRequest(state.form, context.catalog, context.initial);
    return 'error' in result ? next({ error: result.error }) : { ...next({}), start: result.request };
  }
  if (key.upArrow) return next({ focus: Math.max(0, state.focus - 1) });
  if (key.downArrow || key.tab) return next({ focus: Math.min(rows.length - 1, state.focus + 1) });
  if (row.kind === 'workload' && (input === ' ' || key.rightArrow)) {
    const workload = workloads.find((w) => w.name === row.name);
    return next({ form: { ...state.form, workload: row.name, params: paramTexts(workload) } });
  }
  if (row.kind === 'strategy' && input === ' ') {
    const on = new Set(state.form.strategies);
    if (on.has(row.name)) on.delete(row.name);
    else on.add(row.name);
    // Keep discovery order, whatever the order of the toggles.
    const strategies = context.catalog.strategies.map((s) => s.name).filter((name) => on.has(name));
    return next({ form: { ...state.form, strategies } });
  }
  if (input === 'q' && !editsWords) return { ...next({}), quit: true };
  if (editsText && (key.backspace || key.delete))
    return next({ form: editText(state.form, row, (t) => t.slice(0, -1)) });
  if (editsText && input && !key.ctrl && !key.meta)
    return next({ form: editText(state.form, row, (t) => typed(t, input)) });
  return next({});
}
