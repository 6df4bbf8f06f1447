/** Human-readable figures for reports and the dashboard: three significant digits, SI time, binary bytes. */

/** Shown where a figure is unknown. */
export const UNKNOWN = '–';

/** "456 µs", "45.6 ms", "1.23 s", "2 min 5 s". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return UNKNOWN;
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs >= 120_000) {
    const minutes = Math.floor(abs / 60_000);
    return `${sign}${minutes} min ${Math.round((abs - minutes * 60_000) / 1000)} s`;
  }
  if (abs >= 1000) return `${sign}${threeDigits(abs / 1000)} s`;
  if (abs === 0) return '0 ms';
  if (abs >= 1) return withUnit(sign, abs, 'ms', 1000, 's');
  return withUnit(sign, abs * 1000, 'µs', 1000, 'ms');
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** "512 B", "12.3 MiB", "1.50 GiB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return UNKNOWN;
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  // 1023.9 KiB would print as "1024 KiB": move up a unit instead.
  if (threeDigits(value) === '1024' && unit < BYTE_UNITS.length - 1) return `1.00 ${BYTE_UNITS[unit + 1]}`;
  return `${threeDigits(value)} ${BYTE_UNITS[unit]}`;
}

/** 1.873 → "187%" (CPU utilisation, efficiency). */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return UNKNOWN;
  return `${Math.round(fraction * 100)}%`;
}

/** A ratio with its uncertainty: "1.96 ± 0.04", or "1.96" when the uncertainty is unknown. */
export function formatRatio(value: number | null | undefined, uncertainty?: number | null): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return UNKNOWN;
  if (uncertainty === null || uncertainty === undefined || !Number.isFinite(uncertainty))
    return value.toFixed(2);
  return `${value.toFixed(2)} ± ${uncertainty.toFixed(2)}`;
}

/** Three significant digits without exponent: 1.23, 12.3, 123, 1234. */
function threeDigits(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 99.95) return value.toFixed(0);
  if (abs >= 9.995) return value.toFixed(1);
  return value.toFixed(2);
}

/** `value` in `unit`, or in the next unit up when rounding reaches it (999.7 ms → "1.00 s"). */
function withUnit(sign: string, value: number, unit: string, next: number, nextUnit: string): string {
  const text = threeDigits(value);
  if (Number(text) >= next) return `${sign}${threeDigits(value / next)} ${nextUnit}`;
  return `${sign}${text} ${unit}`;
}
