// Responses carry timestamps as epoch seconds (the JSON 1.1 wire form). Shown in local time with the
// offset, in one fixed, sortable layout, so a date reads the same in every row, pane and screenshot.

const pad = (n: number) => String(n).padStart(2, '0');

export interface DateParts {
  /** 2026-12-03 */
  date: string;
  /** 17:06 */
  time: string;
  /** 17:06:18 */
  timeWithSeconds: string;
  /** UTC+00:00: the local offset at that instant. */
  zone: string;
}

/** The pieces every date on screen is built from; undefined for a missing or invalid timestamp. */
export function epochParts(seconds: number | undefined): DateParts | undefined {
  if (seconds === undefined || !Number.isFinite(seconds)) return undefined;
  const d = new Date(seconds * 1000);
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time,
    timeWithSeconds: `${time}:${pad(d.getSeconds())}`,
    zone: `UTC${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`,
  };
}

/** "2026-12-03 17:06 UTC+00:00" */
export function formatEpochSeconds(seconds: number | undefined): string {
  const p = epochParts(seconds);
  return p ? `${p.date} ${p.time} ${p.zone}` : '—';
}

/** "2026-12-03 17:06:18 UTC+00:00" */
export function formatEpochSecondsLong(seconds: number | undefined): string {
  const p = epochParts(seconds);
  return p ? `${p.date} ${p.timeWithSeconds} ${p.zone}` : '—';
}

/** The instant as ISO 8601 (for <time dateTime>), or undefined. */
export function isoOf(seconds: number | undefined): string | undefined {
  return seconds === undefined || !Number.isFinite(seconds) ? undefined : new Date(seconds * 1000).toISOString();
}

/** "in 7 days" / "in 3 hours": how long until a pending deletion happens. */
export function formatUntil(seconds: number, now = Date.now() / 1000): string {
  const delta = seconds - now;
  if (delta <= 0) return 'now';
  const days = Math.floor(delta / 86400);
  if (days >= 1) return `in ${days} day${days === 1 ? '' : 's'}`;
  const hours = Math.max(1, Math.floor(delta / 3600));
  return `in ${hours} hour${hours === 1 ? '' : 's'}`;
}
