import { relative } from 'node:path';
import { BASELINE_NAME, type Report } from '@concur/core';
import { baselineStrategy, type Catalog } from '@concur/core/orchestrate';
import { Box, Text, useApp } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { ComparisonRequest, ExecuteComparison } from '../session/types.js';
import { EXPORT_CHOICES, EXPORT_MENU, exportReport } from './export-report.js';
import { useKeys } from './hooks/use-keys.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { LiveScreen } from './LiveScreen.js';
import { LiveBoard } from './live-board.js';
import { OutputViewer, unitOutputs } from './OutputViewer.js';
import { ResultsScreen } from './ResultsScreen.js';
import { SetupScreen } from './SetupScreen.js';
import { formToRequest, initialForm, type SetupForm } from './setup-form.js';
import { TimelineScreen, timelineCount } from './TimelineScreen.js';

export interface AppProps {
  readonly catalog: Catalog;
  readonly execute: ExecuteComparison;
  readonly initial?: Partial<ComparisonRequest> | undefined;
  /** Run `initial` at once (`concur run` in a terminal) instead of asking first. */
  readonly startImmediately?: boolean | undefined;
  /** Called once with the exit code, after the last frame is drawn. */
  readonly onExit: (code: number) => void;
  /** Where `e` writes the report (default: the current directory). */
  readonly cwd?: string;
  /** Live screen frame interval. */
  readonly everyMs?: number;
  /** Settles once the drawing is warm (see warm-up.tsx): a run starts only then, so it is not measured cold. */
  readonly drawingWarm?: Promise<void>;
}

type Screen = 'setup' | 'live' | 'results' | 'output' | 'timeline';

/** Exit code for Ctrl-C, as a shell reports a process ended by SIGINT. */
const INTERRUPTED = 130;

/** Setup → live → results, and back: the whole dashboard. */
export function App({
  catalog,
  execute,
  initial,
  startImmediately,
  onExit,
  cwd = process.cwd(),
  everyMs,
  drawingWarm = Promise.resolve(),
}: AppProps) {
  const { exit } = useApp();
  const { rows, columns } = useTerminalSize();
  const [screen, setScreen] = useState<Screen>('setup');
  const [form, setForm] = useState<SetupForm>(() => initialForm(catalog, initial));
  const [request, setRequest] = useState<ComparisonRequest | null>(null);
  const [board, setBoard] = useState(() => new LiveBoard());
  const [report, setReport] = useState<Report | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | undefined>();
  const [stopping, setStopping] = useState(false);
  const [exitCode, setExitCode] = useState<number | null>(null);
  const [outputSelected, setOutputSelected] = useState(0);
  const [setupError, setSetupError] = useState<string | undefined>();
  const [scroll, setScroll] = useState(0);
  const [resultsHeight, setResultsHeight] = useState(0);
  const [timelineSelected, setTimelineSelected] = useState(0);
  /** `e` was pressed: the next key picks what to export. */
  const [exportMenu, setExportMenu] = useState(false);
  const running = useRef<AbortController | null>(null);
  const quitAfterRun = useRef<number | null>(null);

  // Leave only after the last frame (results without the key help) has been drawn.
  useEffect(() => {
    if (exitCode === null) return;
    onExit(exitCode);
    exit();
  }, [exitCode, onExit, exit]);

  const start = (next: ComparisonRequest) => {
    const nextBoard = new LiveBoard();
    const controller = new AbortController();
    running.current = controller;
    setRequest(next);
    setBoard(nextBoard);
    setReport(null);
    setFailure(null);
    setNotice(undefined);
    setScroll(0);
    setScreen('live');
    const settle = (result: { report?: Report; failure?: string }) => {
      running.current = null;
      setReport(result.report ?? null);
      setFailure(result.failure ?? null);
      setStopping(false);
      setScreen('results');
      if (quitAfterRun.current !== null) setExitCode(result.failure ? 1 : quitAfterRun.current);
    };
    drawingWarm
      .then(() =>
        execute(next, {
          catalog,
          onEvent: nextBoard.handle,
          signal: controller.signal,
          // What the comparison leaves out (a strategy whose runtime has no task) is said on the results.
          onNotice: (line) => setNotice((shown) => (shown ? `${shown} · ${line}` : line)),
        }),
      )
      .then(
        (done) => settle({ report: done }),
        (error: unknown) => settle({ failure: error instanceof Error ? error.message : String(error) }),
      );
  };

  // `concur run` in a terminal: the request is complete, so skip the questions (a bad one stays on setup, said why).
  const startedOnMount = useRef(false);
  useEffect(() => {
    if (!startImmediately || startedOnMount.current) return;
    startedOnMount.current = true;
    const result = formToRequest(form, catalog, initial);
    if ('request' in result) start(result.request);
    else setSetupError(result.error);
  });

  /** Quit; during a run, stop every unit first and keep what was measured. */
  const quit = (code: number) => {
    if (running.current) {
      quitAfterRun.current = code;
      setStopping(true);
      running.current.abort();
      return;
    }
    setExitCode(failure ? 1 : code);
  };

  const exportNow = (current: Report, formats: (typeof EXPORT_CHOICES)[string] = ['json', 'markdown']) => {
    setNotice('exporting…');
    exportReport(current, cwd, new Date(), formats).then(
      (paths) => {
        const shown = paths.map((path) => `./${relative(cwd, path)}`);
        const last = shown.pop();
        setNotice(`exported to ${shown.length > 0 ? `${shown.join(', ')} and ${last}` : last}`);
      },
      (error: unknown) =>
        setNotice(`export failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  };

  const records = report?.runs ?? board.records;
  const outputs = screen === 'output' ? unitOutputs(records) : [];

  useKeys((input, key) => {
    if (key.ctrl && input === 'c') return quit(running.current ? INTERRUPTED : 0);
    if (exitCode !== null || screen === 'setup') return;
    if (input === 'q') return quit(0);
    if (screen === 'output') {
      if (key.escape || key.leftArrow || input === 'l') setScreen('results');
      else if (key.upArrow) setOutputSelected((s) => Math.max(0, s - 1));
      else if (key.downArrow) setOutputSelected((s) => Math.min(outputs.length - 1, s + 1));
      return;
    }
    if (screen === 'timeline') {
      const count = report ? timelineCount(report) : 0;
      if (key.escape || input === 't') setScreen('results');
      else if (key.rightArrow || key.tab) setTimelineSelected((s) => (count > 0 ? (s + 1) % count : 0));
      else if (key.leftArrow) setTimelineSelected((s) => (count > 0 ? (s - 1 + count) % count : 0));
      return;
    }
    if (screen !== 'results') return;
    if (exportMenu) {
      setExportMenu(false);
      const formats = EXPORT_CHOICES[input];
      if (formats && report) exportNow(report, formats);
      else setNotice(undefined);
      return;
    }
    const page = Math.max(1, rows - 4);
    const scrollBy = (lines: number) =>
      setScroll((at) => Math.max(0, Math.min(Math.max(0, resultsHeight - page), at + lines)));
    if (key.downArrow) scrollBy(1);
    else if (key.upArrow) scrollBy(-1);
    else if (key.pageDown || input === ' ') scrollBy(page);
    else if (key.pageUp) scrollBy(-page);
    else if (key.home) setScroll(0);
    else if (key.end) scrollBy(resultsHeight);
    else if (input === 'r' && request) start(request);
    else if (input === 's') setScreen('setup');
    else if (input === 'l') {
      setOutputSelected(0);
      setScreen('output');
    } else if (input === 't' && report) setScreen('timeline');
    else if (input === 'e' && report) {
      setExportMenu(true);
      setNotice(EXPORT_MENU);
    }
  });

  const leaving = exitCode !== null;
  if (leaving && (screen === 'setup' || !report))
    return failure ? <Text color="red">{`✗ ${failure}`}</Text> : null;
  switch (screen) {
    case 'setup':
      return (
        <SetupScreen
          catalog={catalog}
          initial={initial}
          form={form}
          error={setupError}
          columns={columns}
          onStart={(next, used) => {
            setForm(used);
            start(next);
          }}
          onQuit={() => quit(0)}
        />
      );
    case 'live':
      return (
        <LiveScreen
          board={board}
          workload={request?.workload ?? { name: '', kind: 'cpu' }}
          traits={{
            [BASELINE_NAME]: baselineStrategy.traits,
            ...Object.fromEntries(catalog.strategies.map((s) => [s.name, s.strategy.traits])),
          }}
          rows={rows}
          columns={columns}
          stopping={stopping}
          {...(everyMs === undefined ? {} : { everyMs })}
        />
      );
    case 'timeline':
      if (!report) return null;
      return <TimelineScreen report={report} selected={timelineSelected} columns={columns} rows={rows} />;
    case 'output':
      return <OutputViewer outputs={outputs} selected={outputSelected} rows={rows} columns={columns} />;
    case 'results':
      if (!report)
        return (
          <Box flexDirection="column">
            <Text color="red">{`✗ the comparison failed: ${failure ?? 'no report'}`}</Text>
            <Text color="gray">r try again · s setup · q quit</Text>
          </Box>
        );
      return (
        <ResultsScreen
          report={report}
          columns={columns}
          rows={rows}
          notice={notice}
          showKeys={!leaving}
          offset={scroll}
          onMeasure={setResultsHeight}
        />
      );
  }
}
