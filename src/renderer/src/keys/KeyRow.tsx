// One row of the key list: alias (or "no alias") over the key id, state badge, curve, usage, created.
import type { KeyDetails } from '../../../shared/responses';
import { CURVES } from '../../../shared/key-spec';
import { StateBadge } from '../components/StateBadge';
import { formatEpochSeconds } from '../lib/time';

interface Props {
  details: KeyDetails;
  index: number;
  selected: boolean;
  /** The row that Tab lands on (roving tabindex): one per list. */
  tabbable: boolean;
  onPick: (index: number) => void;
}

export function KeyRow({ details: k, index, selected, tabbable, onPick }: Props) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-index={index}
      data-key-id={k.KeyId}
      tabIndex={tabbable ? 0 : -1}
      className="key-row"
      onClick={() => onPick(index)}
    >
      <div role="gridcell" className="key-name">
        <span className="key-alias">{k.AliasNames[0] ?? <span className="muted">no alias</span>}</span>
        <code className="key-id">{k.KeyId}</code>
      </div>
      <div role="gridcell">
        <StateBadge state={k.KeyState} />
      </div>
      <div role="gridcell" title={k.KeySpec}>
        {CURVES[k.KeySpec].displayName}
      </div>
      <div role="gridcell">{k.KeyUsage === 'DERIVE_SHARED_SECRET' ? 'Key agreement' : 'Sign / verify'}</div>
      <div role="gridcell" className="mono-num key-created">
        {formatEpochSeconds(k.CreationDate)}
      </div>
    </div>
  );
}
