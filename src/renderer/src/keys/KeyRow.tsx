// One row of the key list: alias (or "no alias") over the full key id, state badge (with the deletion
// date when one is scheduled), curve, usage, and the creation time with its zone, as the details pane shows.
import type { KeyDetails } from '../../../shared/responses';
import { CURVES } from '../../../shared/key-spec';
import { StateBadge } from '../components/StateBadge';
import { epochParts, formatEpochSecondsLong, isoOf } from '../lib/time';

interface Props {
  details: KeyDetails;
  index: number;
  selected: boolean;
  /** The row that Tab lands on (roving tabindex): one per list. */
  tabbable: boolean;
  onPick: (index: number) => void;
}

export function KeyRow({ details: k, index, selected, tabbable, onPick }: Props) {
  const created = epochParts(k.CreationDate);
  const deletion = k.KeyState === 'PendingDeletion' ? epochParts(k.DeletionDate) : undefined;
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
        <code className="key-id" title={k.KeyId}>
          {k.KeyId}
        </code>
      </div>
      <div role="gridcell" className="key-state">
        <StateBadge state={k.KeyState} />
        {deletion && (
          <time
            className="key-subline"
            dateTime={isoOf(k.DeletionDate)}
            title={`Scheduled for deletion on ${formatEpochSecondsLong(k.DeletionDate)}`}
          >
            on {deletion.date}
          </time>
        )}
      </div>
      <div role="gridcell" title={k.KeySpec}>
        {CURVES[k.KeySpec].displayName}
      </div>
      <div role="gridcell">{k.KeyUsage === 'DERIVE_SHARED_SECRET' ? 'Key agreement' : 'Sign / verify'}</div>
      <div role="gridcell" className="mono-num key-created">
        {created ? (
          <time dateTime={isoOf(k.CreationDate)} title={formatEpochSecondsLong(k.CreationDate)}>
            {created.date} {created.time} <span className="key-subline">{created.zone}</span>
          </time>
        ) : (
          '—'
        )}
      </div>
    </div>
  );
}
