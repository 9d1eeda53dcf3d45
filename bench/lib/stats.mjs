/** Returns the `fraction` quantile of `values` (0.5 is the median), interpolating linearly. */
export function quantile(values, fraction) {
  if (values.length === 0) return Number.NaN;

  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * fraction;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

export function median(values) {
  return quantile(values, 0.5);
}

export function p95(values) {
  return quantile(values, 0.95);
}

/** Formats a number with `digits` significant digits, without exponent notation. */
export function formatNumber(value, digits = 3) {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';

  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  return value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

export function formatRatio(value) {
  return `${formatNumber(value, 3)}×`;
}

export function formatMs(value) {
  return `${formatNumber(value, 3)} ms`;
}

/** Formats a byte count in KiB with two decimals, the unit that the size limits use. */
export function formatKiB(bytes) {
  return `${(bytes / 1024).toFixed(2)} KiB`;
}

/** Renders rows as a Markdown table. `columns` gives the title and alignment of each column. */
export function markdownTable(columns, rows) {
  const header = `| ${columns.map((column) => column.title).join(' | ')} |`;
  const rule = `| ${columns.map((column) => (column.align === 'right' ? '---:' : '---')).join(' | ')} |`;
  const body = rows.map((row) => `| ${row.map((cell) => String(cell)).join(' | ')} |`);
  return [header, rule, ...body].join('\n');
}
