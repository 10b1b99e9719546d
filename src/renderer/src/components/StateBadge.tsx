// A key's state as a badge. Colour is never the only signal: the state is written out, and the badge
// has a shape per state (a dot, a ring, a bar) for people who do not see the colour difference.
import type { KeyState } from '../../../shared/key-spec';

const LABELS: Record<KeyState, string> = {
  Enabled: 'Enabled',
  Disabled: 'Disabled',
  PendingDeletion: 'Pending deletion',
  PendingImport: 'Pending import',
};

export function StateBadge({ state }: { state: KeyState }) {
  return (
    <span className={`badge badge-${state}`}>
      <span className="badge-mark" aria-hidden="true" />
      {LABELS[state]}
    </span>
  );
}
