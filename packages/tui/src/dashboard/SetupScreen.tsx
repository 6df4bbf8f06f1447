import type { Catalog } from '@concur/core';
import { Box, Text } from 'ink';
import { useState } from 'react';
import type { ComparisonRequest } from '../session/types.js';
import { useKeys } from './hooks/use-keys.js';
import { fit } from './palette.js';
import { formToRequest, offeredWorkloads, paramTexts, type SetupForm } from './setup-form.js';

type Row =
  | { readonly kind: 'workload'; readonly name: string }
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'strategy'; readonly name: string }
  | { readonly kind: 'concurrency' }
  | { readonly kind: 'runs' };

export interface SetupScreenProps {
  readonly catalog: Catalog;
  readonly initial?: Partial<ComparisonRequest> | undefined;
  readonly form: SetupForm;
  readonly columns: number;
  readonly onStart: (request: ComparisonRequest, form: SetupForm) => void;
  readonly onQuit: () => void;
}

/** Choose a workload, its params, strategies, concurrency and runs; Enter starts. */
export function SetupScreen({
  catalog,
  initial,
  form: startForm,
  columns,
  onStart,
  onQuit,
}: SetupScreenProps) {
  const [form, setForm] = useState(startForm);
  const workloads = offeredWorkloads(catalog, initial);
  const chosen = workloads.find((w) => w.name === form.workload);
  const rows: Row[] = [
    ...workloads.map((w) => ({ kind: 'workload' as const, name: w.name })),
    ...Object.keys(chosen?.params ?? {}).map((name) => ({ kind: 'param' as const, name })),
    ...catalog.strategies.map((s) => ({ kind: 'strategy' as const, name: s.name })),
    { kind: 'concurrency' },
    { kind: 'runs' },
  ];
  const [focus, setFocus] = useState(() =>
    Math.max(
      0,
      rows.findIndex((r) => r.kind === 'workload' && r.name === startForm.workload),
    ),
  );
  const [error, setError] = useState<string | null>(null);
  const row = rows[Math.min(focus, rows.length - 1)];
  const editsText = row?.kind === 'param' || row?.kind === 'concurrency' || row?.kind === 'runs';
  const editsWords = row?.kind === 'param' && chosen?.params[row.name]?.type === 'string';

  const editText = (change: (text: string) => string) => {
    if (row?.kind === 'param')
      setForm((f) => ({ ...f, params: { ...f.params, [row.name]: change(f.params[row.name] ?? '') } }));
    else if (row?.kind === 'concurrency') setForm((f) => ({ ...f, concurrency: change(f.concurrency) }));
    else if (row?.kind === 'runs') setForm((f) => ({ ...f, runs: change(f.runs) }));
  };

  useKeys((input, key) => {
    setError(null);
    if (key.return) {
      const result = formToRequest(form, catalog, initial);
      if ('error' in result) setError(result.error);
      else onStart(result.request, form);
    } else if (key.upArrow) setFocus((f) => Math.max(0, f - 1));
    else if (key.downArrow || key.tab) setFocus((f) => Math.min(rows.length - 1, f + 1));
    else if (row?.kind === 'workload' && (input === ' ' || key.rightArrow)) {
      const workload = workloads.find((w) => w.name === row.name);
      setForm((f) => ({ ...f, workload: row.name, params: paramTexts(workload) }));
    } else if (row?.kind === 'strategy' && input === ' ') {
      setForm((f) => {
        const on = new Set(f.strategies);
        if (on.has(row.name)) on.delete(row.name);
        else on.add(row.name);
        // Keep discovery order, whatever the order of the clicks.
        return { ...f, strategies: catalog.strategies.map((s) => s.name).filter((name) => on.has(name)) };
      });
    } else if (input === 'q' && !editsWords) onQuit();
    else if (editsText && (key.backspace || key.delete)) editText((text) => text.slice(0, -1));
    else if (editsText && input && !key.ctrl && !key.meta && !/[\p{Cc}]/u.test(input))
      editText((text) => text + input);
  });

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
          <Text color="gray">{`   ${spec.description}`}</Text>
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
        {field({ kind: 'concurrency' }, form.concurrency, "default (each strategy's own)")}
        <Text color="gray">{'   several, e.g. 1,2,4, make a sweep'}</Text>
      </Text>
      <Text wrap="truncate">
        {pointer({ kind: 'runs' })}
        {'Runs'.padEnd(nameWidth + 2)}
        {field({ kind: 'runs' }, form.runs, '3')}
        <Text color="gray">{'   measured runs per strategy'}</Text>
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
