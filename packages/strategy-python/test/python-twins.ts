/**
 * The conformance suite's fixture tasks, as Python twins (test/fixtures/*.py), each behaving as its
 * namesake in core's `fixtureTasks` is documented to.
 */
import type { FixtureTasks } from '@concur/core/testkit';

const twin = (file: string): string => new URL(`./fixtures/${file}.py`, import.meta.url).href;

export const pythonTwins: FixtureTasks = {
  echo: twin('echo'),
  logsCalls: twin('logs_calls'),
  setupCount: twin('setup_count'),
  throws: twin('throws'),
  interval: twin('interval'),
  progress: twin('progress'),
  busyLoop: twin('busy_loop'),
  heartbeat: twin('heartbeat'),
  neverSettles: twin('never_settles'),
  exit: twin('exit'),
  prints: twin('prints'),
  returnsUncloneable: twin('returns_uncloneable'),
  teardownMarker: twin('teardown_marker'),
  teardownHangs: twin('teardown_hangs'),
  answersThenThrows: twin('answers_then_throws'),
};
