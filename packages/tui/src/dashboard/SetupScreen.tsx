import type { Catalog } from '@concur/core/orchestrate';
import { Box, Text } from 'ink';
import { useRef, useState } from 'react';
import type { ComparisonRequest } from '../session/types.js';
import { useKeys } from './hooks/use-keys.js';
import { fit } from './palette.js';
import { planLine } from './plan-line.js';
import { offeredWorkloads, type SetupForm } from './setup-form.js';
import { initialSetupState, type SetupRow, setupKey, setupRows } from './setup-keys.js';

/** Values are left-aligned in a column this wide, their descriptions after it. */
const VALUE_WIDTH = 30;

type Row = SetupRow;

export interface SetupScreenProps {
  readonly catalog: Catalog;
  readonly initial?: Partial<ComparisonRequest> | undefined;
  readonly form: SetupForm;
  /** A problem to show at once, e.g. with a request that could not start by itself. */
  readonly error?: string | undefined;
  readonly columns: number;
  readonly onStart: (request: ComparisonRequest, form: SetupForm) => void;
  readonly onQuit: () => void;
}

/** Choose a workload, its params, strategies, concurrency and runs; Enter starts. */
export function SetupScreen({
  catalog,
  initial,
  form: startForm,
  error: startError,
  columns,
  onStart,
  onQuit,
}: SetupScreenProps) {
  const context = { catalog, initial };
  const [state, setState] = useState(() => initialSetupState(context, startForm, startError));
  // The state as the last key left it, which may be ahead of the last render.
  const latest = useRef(state);
  useKeys((input, key) => {
    const step = setupKey(context, latest.current, input, key);
    latest.current = step.state;
    setState(step.state);
    if (step.start) onStart(step.start, step.state.form);
    if (step.quit) onQuit();
  });
  const { form, error } = state;
  const workloads = offeredWorkloads(catalog, initial);
  const chosen = workloads.find((w) => w.name === form.workload);
  const rows = setupRows(context, form);
  const row = rows[Math.min(state.focus, rows.length - 1)];

  const isFocused = (candidate: Row) =>
    row?.kind === candidate.kind &&
    ('name' in candidate ? 'name' in row && row.name === candidate.name : true);
  const pointer = (candidate: Row) =>
    isFocused(candidate) ? <Text color="cyan">› </Text> : <Text>{'  '}</Text>;
  const nameWidth =
    Math.max(12, ...workloads.map((w) => w.name.length), ...catalog.strategies.map((s) => s.name.length)) + 2;
  const describeWidth = Math.max(10, columns - nameWidth - 8);
  const broken = (kind: 'workload' | 'strategy') => catalog.broken.filter((b) => b.kind === kind);
  const field = (candidate: Row, text: string, placeholder: string) =>
    isFocused(candidate) ? (
      <Text color="cyan">
        {text}
        <Text inverse> </Text>
      </Text>
    ) : text === '' ? (
      <Text color="gray">{placeholder}</Text>
    ) : (
      <Text>{text}</Text>
    );

  return (
    <Box flexDirection="column" width={columns}>
      <Text>
        <Text bold>concur</Text>
        <Text color="gray"> — race one workload across concurrency models</Text>
      </Text>
      <Box marginTop={1}>
        <Text bold>Workload</Text>
      </Box>
      {workloads.map((w) => (
        <Text key={w.name} wrap="truncate">
          {pointer({ kind: 'workload', name: w.name })}
          <Text color={w.name === form.workload ? 'green' : 'gray'}>
            {w.name === form.workload ? '● ' : '○ '}
          </Text>
          <Text bold={w.name === form.workload}>{w.name.padEnd(nameWidth)}</Text>
          <Text color="gray">{fit(w.description, describeWidth)}</Text>
        </Text>
      ))}
      {broken('workload').map((b) => (
        <Text key={b.specifier} color="gray" dimColor wrap="truncate">
          {'  ✗ '}
          {(b.name ?? b.specifier).padEnd(nameWidth)}
          {b.reason}
        </Text>
      ))}
      {chosen && Object.keys(chosen.params).length > 0 ? (
        <Box marginTop={1}>
          <Text bold>{`Parameters of ${chosen.name}`}</Text>
        </Box>
      ) : null}
      {Object.entries(chosen?.params ?? {}).map(([name, spec]) => (
        <Text key={name} wrap="truncate">
          {pointer({ kind: 'param', name })}
          {'  '}
          {name.padEnd(nameWidth)}
          {field({ kind: 'param', name }, form.params[name] ?? '', String(spec.default))}
          {' '.repeat(Math.max(1, VALUE_WIDTH - (form.params[name] ?? '').length))}
          <Text color="gray">{spec.description}</Text>
        </Text>
      ))}
      <Box marginTop={1}>
        <Text bold>Strategies</Text>
      </Box>
      {catalog.strategies.map((s) => {
        const on = form.strategies.includes(s.name);
        return (
          <Text key={s.name} wrap="truncate">
            {pointer({ kind: 'strategy', name: s.name })}
            <Text color={on ? 'green' : 'gray'}>{on ? '[x] ' : '[ ] '}</Text>
            <Text bold={on}>{s.name.padEnd(nameWidth - 2)}</Text>
            <Text color="gray">{fit(s.strategy.summary, describeWidth)}</Text>
          </Text>
        );
      })}
      {broken('strategy').map((b) => (
        <Text key={b.specifier} color="gray" dimColor wrap="truncate">
          {'  ✗   '}
          {(b.name ?? b.specifier).padEnd(nameWidth - 2)}
          {b.reason}
        </Text>
      ))}
      <Box marginTop={1} />
      <Text wrap="truncate">
        {pointer({ kind: 'concurrency' })}
        {'Concurrency'.padEnd(nameWidth + 2)}
        {field({ kind: 'concurrency' }, form.concurrency, "default: each strategy's own")}
        {' '.repeat(Math.max(1, VALUE_WIDTH - (form.concurrency || "default: each strategy's own").length))}
        <Text color="gray">several, e.g. 1,2,4, make a sweep</Text>
      </Text>
      <Text wrap="truncate">
        {pointer({ kind: 'runs' })}
        {'Runs'.padEnd(nameWidth + 2)}
        {field({ kind: 'runs' }, form.runs, '3')}
        {' '.repeat(Math.max(1, VALUE_WIDTH - form.runs.length))}
        <Text color="gray">measured runs per strategy</Text>
      </Text>
      <Text color="gray" wrap="truncate">
        {`  ${planLine(form)}`}
      </Text>
      <Box marginTop={1}>
        {error ? (
          <Text color="red">{`✗ ${error}`}</Text>
        ) : (
          <Text color="gray">
            <Text color="white" bold>
              Enter
            </Text>{' '}
            start · ↑↓ move · space choose/toggle · type to edit ·{' '}
            <Text color="white" bold>
              q
            </Text>{' '}
            quit
          </Text>
        )}
      </Box>
    </Box>
  );
}
