import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatPercent, formatRatio } from '../src/report/format.js';

describe('format helpers', () => {
  it('formats durations with three significant digits', () => {
    expect(formatDuration(1234)).toBe('1.23 s');
    expect(formatDuration(45.6)).toBe('45.6 ms');
    expect(formatDuration(123.4)).toBe('123 ms');
    expect(formatDuration(0.456)).toBe('456 µs');
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(150_000)).toBe('2 min 30 s');
  });

  it('moves up a unit when rounding reaches it', () => {
    expect(formatDuration(999.7)).toBe('1.00 s');
    expect(formatBytes(1023.99 * 1024)).toBe('1.00 MiB');
  });

  it('formats bytes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(12.3 * 1024 * 1024)).toBe('12.3 MiB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.50 GiB');
  });

  it('formats ratios and percentages, and shows unknown figures as a dash', () => {
    expect(formatRatio(1.9649, 0.0412)).toBe('1.96 ± 0.04');
    expect(formatRatio(1.9649, null)).toBe('1.96');
    expect(formatPercent(1.873)).toBe('187%');
    expect(formatDuration(null)).toBe('–');
    expect(formatBytes(Number.NaN)).toBe('–');
    expect(formatPercent(undefined)).toBe('–');
  });
});
