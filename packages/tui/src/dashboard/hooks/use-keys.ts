import { type Key, useInput } from 'ink';
import { useCallback, useRef } from 'react';

/**
 * `useInput` with the handler of the latest render. ink re-subscribes a changed handler only in an effect,
 * so a key typed right after a state change could reach the previous render's handler and its stale state.
 */
export function useKeys(handler: (input: string, key: Key) => void, active = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  const stable = useCallback((input: string, key: Key) => latest.current(input, key), []);
  useInput(stable, { isActive: active });
}
