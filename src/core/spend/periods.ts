/**
 * Days and months in a time zone (UTC unless configured), with `Intl` only. Budgets reset at the zone's
 * midnight and on the 1st; providers count days in UTC.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `Intl` knows the IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function zonedParts(ms: number, timeZone = 'UTC'): ZonedParts {
  const out: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return { year: out.year, month: out.month, day: out.day, hour: out.hour % 24, minute: out.minute, second: out.second };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of the instant in the zone. */
export function dayKey(ms: number, timeZone = 'UTC'): string {
  const p = zonedParts(ms, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** `YYYY-MM` of the instant in the zone. */
export function monthKey(ms: number, timeZone = 'UTC'): string {
  return dayKey(ms, timeZone).slice(0, 7);
}

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The instant a calendar day starts in the zone (two passes settle the offset across DST changes). */
export function zonedMidnight(year: number, month: number, day: number, timeZone = 'UTC'): number {
  const wall = Date.UTC(year, month - 1, day);
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return guess;
}

export function startOfDay(ms: number, timeZone = 'UTC'): number {
  const p = zonedParts(ms, timeZone);
  return zonedMidnight(p.year, p.month, p.day, timeZone);
}

export function startOfMonth(ms: number, timeZone = 'UTC'): number {
  const p = zonedParts(ms, timeZone);
  return zonedMidnight(p.year, p.month, 1, timeZone);
}

/** The instant the next day starts in the zone. */
export function startOfNextDay(ms: number, timeZone = 'UTC'): number {
  const p = zonedParts(ms, timeZone);
  return zonedMidnight(p.year, p.month, p.day + 1, timeZone); // Date.UTC rolls day 32 into the next month
}

/** `YYYY-MM-DD` moved by whole days (calendar arithmetic, no zone involved). */
export function addDays(key: string, days: number): string {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Month-to-date scaled to the whole month, counting today as a full day. */
export function projectMonth(monthToDate: number, nowMs: number, timeZone = 'UTC'): number {
  const p = zonedParts(nowMs, timeZone);
  return (monthToDate * daysInMonth(p.year, p.month)) / p.day;
}
