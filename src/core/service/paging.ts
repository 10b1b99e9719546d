// Limit/Marker paging, AWS style: the marker is opaque to callers and names the last item returned, so
// pages stay correct while items are added or removed between calls. It also names the listing it came
// from (the operation, and the key for per-key lists), so a marker from another listing is refused
// rather than silently skipping items.
import { QkmsError } from '../../shared/errors';

const DEFAULT_LIMIT = 100;

export interface Page<T> {
  items: T[];
  NextMarker?: string;
  Truncated: boolean;
}

interface MarkerContent {
  v: 1;
  /** The listing: `ListKeys`, `ListResourceTags <key id>`, … */
  of: string;
  after: string;
}

const encodeMarker = (content: MarkerContent): string =>
  Buffer.from(JSON.stringify(content), 'utf8').toString('base64url');

function decodeMarker(marker: string, listing: string): string {
  let content: Partial<MarkerContent> | undefined;
  try {
    content = JSON.parse(Buffer.from(marker, 'base64url').toString('utf8')) as Partial<MarkerContent>;
  } catch {
    content = undefined;
  }
  if (content?.v !== 1 || typeof content.after !== 'string' || typeof content.of !== 'string') {
    throw new QkmsError('InvalidMarkerException', 'Marker is not a NextMarker returned by a QKMS listing');
  }
  if (content.of !== listing) {
    throw new QkmsError('InvalidMarkerException', `Marker was returned by ${content.of}, not by ${listing}`);
  }
  return content.after;
}

/** One page of `items` of the listing `listing`, ordered by `sortKey`, starting after the marker's item. */
export function pageOf<T>(
  listing: string,
  items: readonly T[],
  sortKey: (item: T) => string,
  limit?: number,
  marker?: string,
): Page<T> {
  const sorted = [...items].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  const after = marker === undefined ? undefined : decodeMarker(marker, listing);
  const start = after === undefined ? 0 : sorted.findIndex((item) => sortKey(item) > after);
  const remaining = start < 0 ? [] : sorted.slice(start);
  const size = limit ?? DEFAULT_LIMIT;
  const pageItems = remaining.slice(0, size);
  const truncated = remaining.length > size;
  const last = pageItems[pageItems.length - 1];
  return truncated && last !== undefined
    ? { items: pageItems, NextMarker: encodeMarker({ v: 1, of: listing, after: sortKey(last) }), Truncated: true }
    : { items: pageItems, Truncated: false };
}
