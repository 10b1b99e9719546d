// Responses carry timestamps as epoch seconds (the JSON 1.1 wire form). Shown in local time with the
// offset, in one fixed, sortable layout, so a date reads the same in every row and every screenshot.

const pad = (n: number) => String(n).padStart(2, '0');

export function formatEpochSeconds(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '—';
  const d = new Date(seconds * 1000);
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatEpochSecondsLong(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '—';
  const d = new Date(seconds * 1000);
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `UTC${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${formatEpochSeconds(seconds)}:${pad(d.getSeconds())} ${zone}`;
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
