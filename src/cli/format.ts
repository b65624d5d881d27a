// Small text helpers shared by the commands' reports. Nothing here reads the clock or the locale.

/** 12345 → "12,345". */
export function formatCount(n: number): string {
  const [whole, fraction] = String(n).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A share 0–1 as a percentage with one decimal: 0.4123 → "41.2%". */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** Rounds to `places` decimals for output that must read the same on every run. */
export function round(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** Lays out rows as columns: the first left-aligned, the rest right-aligned unless `left` names them. */
export function table(
  rows: readonly (readonly string[])[],
  left: readonly number[] = [0],
  indent = '  ',
): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  }
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => (left.includes(i) ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  ')
        .trimEnd(),
  );
}
