// Calendar dates from turn numbers, with integer arithmetic only (no Date in the core).

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Month names as dates are shown: 'Jan' … 'Dec'. */
export const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysIn(year: number, month: number): number {
  return month === 1 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month] ?? 30);
}

/** Parses YYYY-MM-DD; returns null for anything else or an impossible date. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]) - 1;
  const day = Number(m[3]);
  if (month < 0 || month > 11 || day < 1 || day > daysIn(year, month)) return null;
  return { year, month, day };
}

/** The ISO date `days` days after `start` (YYYY-MM-DD). */
export function addDays(start: string, days: number): string {
  const d = parseIsoDate(start);
  if (!d) return start;
  let { year, month, day } = d;
  day += days;
  while (day > daysIn(year, month)) {
    day -= daysIn(year, month);
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "30 Dec 2021" for display. */
export function formatDate(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${d.day} ${MONTH_NAMES[d.month]} ${d.year}` : iso;
}

/**
 * The turn whose days hold `iso`, when turn 1 starts on `start` and each lasts `daysPerTurn`
 * days; null outside turns 1 to `turns`. ISO dates compare as text.
 */
export function turnOfDate(
  start: string,
  daysPerTurn: number,
  turns: number,
  iso: string,
): number | null {
  if (!parseIsoDate(iso) || iso < start) return null;
  for (let turn = 1; turn <= turns; turn++) {
    if (iso < addDays(start, turn * daysPerTurn)) return turn;
  }
  return null;
}
