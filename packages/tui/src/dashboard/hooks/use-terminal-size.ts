import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/** Rows and columns of the terminal, kept current on resize; 40 × 100 where the output is not a terminal. */
export function useTerminalSize(): { rows: number; columns: number } {
  const { stdout } = useStdout();
  const read = () => ({ rows: stdout.rows || 40, columns: stdout.columns || 100 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize({ rows: stdout.rows || 40, columns: stdout.columns || 100 });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
