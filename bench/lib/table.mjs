// Output, written once: number formats, ratio cells, and the Section every part of the bench prints its
// tables and pass/fail lines through as it goes, keeping them as Markdown for BENCHMARKS.md.

export const fmt = (n, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '—';
export const ms = (n) => `${fmt(n, n < 100 ? 1 : 0)} ms`;
export const us = (n) => `${fmt(n, n < 10 ? 2 : 1)} µs`;
export const ratio = (n) => `${fmt(n, 2)}×`;
export const mib = (bytes) => `${fmt(bytes / 1024 / 1024, 1)} MiB`;
export const kib = (bytes) => `${fmt(bytes / 1024, 1)} KiB`;
/** Bytes as KiB below a MiB, MiB above. */
export const bytes = (n) => (Math.abs(n) < 1024 * 1024 ? kib(n) : mib(n));
/** The least…greatest of a summary from `summarizeRounds`. */
export const range = ({ low, high }, digits = 2) => `${fmt(low, digits)}…${fmt(high, digits)}`;

/** A section of the report: a heading, prose, tables and verdict lines, in the order they were added. */
export class Section {
  /** `name` is the section's name for `--only`, which the Markdown gives as the command that reproduces it. */
  constructor(title, name) {
    this.title = title;
    this.name = name;
    this.parts = [];
    this.verdicts = [];
    console.log(`\n## ${title}\n`);
  }

  note(text) {
    this.parts.push(text);
    console.log(`${text}\n`);
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

  /**
   * A ratio's verdict: its median of rounds (a summary from `summarizeRounds`) within [lowest, highest].
   * A miss whose rounds' range holds 1 is a difference this machine's noise cannot tell from none, and the
   * line says so.
   */
  ratioCheck(text, summary, { lowest = 0, highest = Number.POSITIVE_INFINITY }) {
    const pass = summary.median >= lowest && summary.median <= highest;
    const unresolved = !pass && summary.low <= 1 && summary.high >= 1;
    this.check(
      pass,
      `${text}${unresolved ? ` (rounds ${range(summary)} hold 1: not resolved at this noise)` : ''}`,
    );
  }

  markdown() {
    const verdicts = this.verdicts.length
      ? `\n\n\`\`\`\n${this.verdicts.map((v) => v.line).join('\n')}\n\`\`\``
      : '';
    const command = this.name ? `\n\n\`npm run bench -- --only ${this.name}\` reproduces this section.` : '';
    return `### ${this.title}${command}\n\n${this.parts.join('\n\n')}${verdicts}\n`;
  }
}
