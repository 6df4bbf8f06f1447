/**
 * Columns padded to their widest cell, aligned as `align` says; by default the first left-aligned (names),
 * the rest right-aligned (figures).
 */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ('left' | 'right')[] = [],
): string[] {
  const widths = header.map((title, column) =>
    Math.max(width(title), ...rows.map((row) => width(row[column] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const pad = ' '.repeat((widths[column] ?? 0) - width(cell));
        const left = (align[column] ?? (column === 0 ? 'left' : 'right')) === 'left';
        return left ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}

// Columns as a terminal shows them: colour codes take none; "µ", "±" and "–" one each, like ASCII.
function width(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the escape of a colour code
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}
