// Enable / disable, schedule deletion and cancel it. Deletion asks first, in a dialog that names the
// key and says when it will be deleted, because it is the one action here that cannot be undone later.
import { useState } from 'react';
import type { KeyDetails } from '../../../shared/responses';
import { useApi } from '../api/ApiContext';
import { ScheduleDeletionDialog } from './ScheduleDeletionDialog';
import type { useAction } from './useAction';

interface Props {
  details: KeyDetails;
  action: ReturnType<typeof useAction>;
}

export function KeyStateActions({ details: k, action }: Props) {
  const api = useApi();
  const [confirming, setConfirming] = useState(false);
  const busy = action.running !== null;
  const label = (name: string, idle: string, working: string) => (action.running === name ? working : idle);

  return (
    <div className="key-actions">
      {k.KeyState === 'Enabled' && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void action.run('DisableKey', () => api.disableKey({ KeyId: k.KeyId }))}
        >
          {label('DisableKey', 'Disable', 'Disabling…')}
        </button>
      )}
      {k.KeyState === 'Disabled' && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void action.run('EnableKey', () => api.enableKey({ KeyId: k.KeyId }))}
        >
          {label('EnableKey', 'Enable', 'Enabling…')}
        </button>
      )}
      {k.KeyState === 'PendingDeletion' ? (
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => void action.run('CancelKeyDeletion', () => api.cancelKeyDeletion({ KeyId: k.KeyId }))}
        >
          {label('CancelKeyDeletion', 'Cancel deletion', 'Cancelling…')}
        </button>
      ) : (
        <button type="button" className="button danger-quiet" disabled={busy} onClick={() => setConfirming(true)}>
          Schedule deletion…
        </button>
      )}
      <ScheduleDeletionDialog
        details={k}
        open={confirming}
        busy={action.running === 'ScheduleKeyDeletion'}
        onClose={() => setConfirming(false)}
        onConfirm={async (days) => {
          await action.run('ScheduleKeyDeletion', () =>
            api.scheduleKeyDeletion({ KeyId: k.KeyId, PendingWindowInDays: days }),
          );
          setConfirming(false);
        }}
      />
    </div>
  );
}
