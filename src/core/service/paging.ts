// Limit/Marker paging, AWS style: the marker is opaque to callers and names the last item returned, so
// pages stay correct while items are added or removed between calls.
import { QkmsError } from '../../shared/errors';

const DEFAULT_LIMIT = 100;

export interface Page<T> {
  items: T[];
  NextMarker?: string;
  Truncated: boolean;
}

const encodeMarker = (sortKey: string): string => Buffer.from(`qkms1:${sortKey}`, 'utf8').toString('base64url');

function decodeMarker(marker: string): string {
  const decoded = Buffer.from(marker, 'base64url').toString('utf8');
  if (!decoded.startsWith('qkms1:') || encodeMarker(decoded.slice(6)) !== marker) {
    throw new QkmsError('InvalidMarkerException', 'Marker is not a NextMarker returned by this operation');
  }
  return decoded.slice(6);
}

/** One page of `items` ordered by `sortKey`, starting after the marker's item. */
export function pageOf<T>(items: readonly T[], sortKey: (item: T) => string, limit?: number, marker?: string): Page<T> {
  const sorted = [...items].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  const after = marker === undefined ? undefined : decodeMarker(marker);
  const start = after === undefined ? 0 : sorted.findIndex((item) => sortKey(item) > after);
  const remaining = start < 0 ? [] : sorted.slice(start);
  const size = limit ?? DEFAULT_LIMIT;
  const pageItems = remaining.slice(0, size);
  const truncated = remaining.length > size;
  const last = pageItems[pageItems.length - 1];
  return truncated && last !== undefined
    ? { items: pageItems, NextMarker: encodeMarker(sortKey(last)), Truncated: true }
    : { items: pageItems, Truncated: false };
}
