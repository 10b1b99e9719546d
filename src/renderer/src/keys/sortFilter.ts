// Filtering and sorting the key list in memory. Thousands of keys sort in a few milliseconds; the
// list renders only the rows in view (KeyTable), so the cost that matters is this, once per change.
import type { KeyDetails } from '../../../shared/responses';
import type { KeyState } from '../../../shared/key-spec';

export type SortColumn = 'name' | 'state' | 'spec' | 'usage' | 'created';
export interface Sort {
  column: SortColumn;
  descending: boolean;
}
export type StateFilter = KeyState | 'all';

export const displayName = (k: KeyDetails): string => k.AliasNames[0] ?? k.KeyId;

const SORT_VALUE: Record<SortColumn, (k: KeyDetails) => string | number> = {
  name: (k) => (k.AliasNames[0] ? `0${k.AliasNames[0]}` : `1${k.KeyId}`), // aliased keys first
  state: (k) => k.KeyState,
  spec: (k) => k.KeySpec,
  usage: (k) => k.KeyUsage,
  created: (k) => k.CreationDate,
};

function matches(k: KeyDetails, needle: string): boolean {
  if (!needle) return true;
  const haystack = [k.KeyId, k.Arn, k.Description, k.KeySpec, k.KeyUsage, k.KeyState, ...k.AliasNames]
    .join('\n')
    .toLowerCase();
  return needle.split(/\s+/).every((word) => haystack.includes(word));
}

export function filterAndSort(keys: readonly KeyDetails[], text: string, state: StateFilter, sort: Sort): KeyDetails[] {
  const needle = text.trim().toLowerCase();
  const value = SORT_VALUE[sort.column];
  const sign = sort.descending ? -1 : 1;
  return keys
    .filter((k) => (state === 'all' || k.KeyState === state) && matches(k, needle))
    .sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      // Ties fall back to the key id, so the order is stable across reloads.
      const primary = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
      return sign * (primary || a.KeyId.localeCompare(b.KeyId));
    });
}
