import { useEffect, useState } from 'react';

/**
 * Re-render the calling component at a steady rate while `active`, and return `read()` as of this render.
 * This is the only thing that paces the live screen: events only write fields, so rendering costs the
 * same whether the engine sends ten snapshots a second or ten thousand progress updates.
 */
export function useSampled<T>(read: () => T, active: boolean, everyMs = 100): T {
  const [, setFrame] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setFrame((frame) => frame + 1), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return read();
}
