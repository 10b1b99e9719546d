// One log line per request: time, operation, key id, status, error type, duration. Never a secret: no
// credentials, no signatures, no bodies, no messages (a message may quote what the caller sent). Values
// that come from the request are reduced to a safe alphabet and length, so a log line cannot be forged.

export interface RequestLogEntry {
  operation: string;
  keyId?: string;
  status: number;
  errorType?: string;
  durationMs: number;
}

const clean = (value: string, max: number): string => {
  const safe = value.replace(/[^\w:/.@+=-]/g, '?');
  return safe.length > max ? `${safe.slice(0, max)}…` : safe;
};

export function formatLogLine(entry: RequestLogEntry, at: Date = new Date()): string {
  return [
    at.toISOString(),
    clean(entry.operation, 64),
    `key=${entry.keyId === undefined ? '-' : clean(entry.keyId, 96)}`,
    String(entry.status),
    entry.errorType ?? 'OK',
    `${entry.durationMs.toFixed(1)}ms`,
  ].join(' ');
}

/** The key a request or its response names, for the log: KeyId, TargetKeyId, or a created key's id. */
export function keyIdForLog(request: unknown, response: unknown): string | undefined {
  for (const source of [request, response]) {
    if (source === null || typeof source !== 'object') continue;
    const record = source as Record<string, unknown>;
    for (const field of ['KeyId', 'TargetKeyId']) {
      if (typeof record[field] === 'string') return record[field];
    }
    const metadata = record.KeyMetadata as Record<string, unknown> | undefined;
    if (metadata && typeof metadata.KeyId === 'string') return metadata.KeyId;
  }
  return undefined;
}
