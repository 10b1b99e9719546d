// The deletion confirmation: names the key (alias and id), lets the user choose the waiting period
// (7–30 days, as ScheduleKeyDeletion allows) and shows the resulting date before anything happens.
import { useState, type FormEvent } from 'react';
import type { KeyDetails } from '../../../shared/responses';
import { Dialog } from '../components/Dialog';
import { formatEpochSeconds } from '../lib/time';

interface Props {
  details: KeyDetails;
  open: boolean;
  busy: boolean;
  onClose: () => void;
  onConfirm: (days: number) => Promise<void>;
}

export function ScheduleDeletionDialog({ details: k, open, busy, onClose, onConfirm }: Props) {
  const [days, setDays] = useState(30);
  const valid = Number.isInteger(days) && days >= 7 && days <= 30;
  const name = k.AliasNames[0] ?? k.KeyId;
  // eslint-disable-next-line react-hooks/purity -- the preview date is meant to follow the clock
  const when = formatEpochSeconds(Date.now() / 1000 + days * 86400);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) void onConfirm(days);
  };

  return (
    <Dialog title={`Schedule deletion of ${name}`} open={open} onClose={onClose} className="dialog-danger">
      <form className="form" onSubmit={submit}>
        <p className="dialog-lede">
          Key <code className="mono">{k.KeyId}</code>
          {k.AliasNames.length > 0 && <> ({k.AliasNames.join(', ')})</>} will be disabled now and its private key
          destroyed after the waiting period. Anything that needs its shared secrets must be re-keyed before then.
        </p>
        <div className="field">
          <label className="field-label" htmlFor="deletion-days">
            Waiting period (days)
          </label>
          <input
            id="deletion-days"
            className="input narrow"
            type="number"
            min={7}
            max={30}
            step={1}
            value={Number.isNaN(days) ? '' : days}
            aria-invalid={!valid || undefined}
            aria-describedby="deletion-days-hint"
            onChange={(e) => setDays(e.target.valueAsNumber)}
          />
          <p className="field-hint" id="deletion-days-hint">
            {valid ? `Deleted on ${when} unless cancelled before then.` : 'Choose a whole number of days from 7 to 30.'}
          </p>
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} data-autofocus>
            Keep the key
          </button>
          <button type="submit" className="button danger" disabled={!valid || busy}>
            {busy ? 'Scheduling…' : 'Schedule deletion'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
