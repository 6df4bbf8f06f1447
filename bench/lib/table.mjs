// Output: each section prints its tables and pass/fail lines as it goes, and keeps them as Markdown for
// BENCHMARKS.md.

export const fmt = (n, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '—';
export const ms = (n) => `${fmt(n, n < 100 ? 1 : 0)} ms`;
export const ratio = (n) => `${fmt(n, 2)}×`;
export const mib = (bytes) => `${fmt(bytes / 1024 / 1024, 1)} MiB`;
export const kib = (bytes) => `${fmt(bytes / 1024, 1)} KiB`;

/** A section of the report: a heading, prose, tables and verdict lines, in the order they were added. */
export class Section {
  constructor(title) {
    this.title = title;
    this.parts = [];
    this.verdicts = [];
    console.log(`\n## ${title}\n`);
  }

  note(text) {
    this.parts.push(text);
    console.log(text);
  }

  table(headers, rows, align = headers.map((_, i) => (i === 0 ? 'l' : 'r'))) {
    const lines = [
      `| ${headers.join(' | ')} |`,
      `|${align.map((a) => (a === 'l' ? '---' : '---:')).join('|')}|`,
      ...rows.map((row) => `| ${row.join(' | ')} |`),
    ];
    const text = lines.join('\n');
    this.parts.push(text);
    console.log(`${text}\n`);
  }

  /** A verdict against the theory or a bar: "PASS  process speedup 1.96 ≥ 0.95 × 2". */
  check(pass, text) {
    const line = `${pass ? 'PASS' : 'FAIL'}  ${text}`;
    this.verdicts.push({ pass, line });
    console.log(line);
  }

  markdown() {
    const verdicts = this.verdicts.length
      ? `\n\n\`\`\`\n${this.verdicts.map((v) => v.line).join('\n')}\n\`\`\``
      : '';
    return `## ${this.title}\n\n${this.parts.join('\n\n')}${verdicts}\n`;
  }
}
