/**
 * Date shifting for the Retain Longitudinal Temporal Information with Modified Dates option: every date moves
 * by the same number of days, so intervals between studies survive while the real dates do not. Times are
 * kept (a time of day alone does not identify anyone, and sequence timing matters for teaching).
 */
const DAY_MS = 86_400_000;

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function shiftYmd(y: number, m: number, d: number, days: number): Date {
  const t = Date.UTC(y, m - 1, d) + days * DAY_MS;
  return new Date(t);
}

function ymd(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1, 2)}${pad(date.getUTCDate(), 2)}`;
}

/** A DA value ("YYYYMMDD", or the old "YYYY.MM.DD") moved by `days`; null when it is not a date. */
export function shiftDate(value: string, days: number): string | null {
  const text = value.trim();
  if (text === '') return '';
  const m = /^(\d{4})\.?(\d{2})\.?(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validYmd(y, mo, d)) return null;
  return ymd(shiftYmd(y, mo, d, days));
}

/**
 * A DT value ("YYYY[MM[DD[HH[MM[SS[.F]]]]]][&ZZXX]") with its date part moved by `days` and the rest kept.
 * A year-only or year-month value keeps its precision: the middle of that year or month is moved.
 */
export function shiftDateTime(value: string, days: number): string | null {
  const text = value.trim();
  if (text === '') return '';
  const m = /^(\d{4})(\d{2})?(\d{2})?(.*)$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const rest = m[4] ?? '';
  if (m[3] !== undefined) {
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (!validYmd(y, mo, d)) return null;
    return ymd(shiftYmd(y, mo, d, days)) + rest;
  }
  if (m[2] !== undefined) {
    const mo = Number(m[2]);
    if (!validYmd(y, mo, 1)) return null;
    return ymd(shiftYmd(y, mo, 15, days)).slice(0, 6) + rest;
  }
  return ymd(shiftYmd(y, 7, 1, days)).slice(0, 4) + rest;
}
