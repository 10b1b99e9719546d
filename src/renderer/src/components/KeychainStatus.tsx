// The keychain's state, always visible in the header: every private key lives there, so "locked" or
// "unavailable" explains every failure that follows. Re-checked on focus and every 15 s, because the
// user unlocks the keyring in another program and then comes back.
import { useCallback, useEffect, useState } from 'react';
import type { GetKeychainStatusResponse } from '../../../shared/responses';
import { useApi } from '../api/ApiContext';
import { settle } from '../api/client';

type Status = GetKeychainStatusResponse['Status'] | 'CHECKING';

const LABELS: Record<Status, string> = {
  CHECKING: 'Keychain: checking…',
  READY: 'Keychain ready',
  LOCKED: 'Keychain locked',
  UNAVAILABLE: 'Keychain unavailable',
};

/** Said when the service's message is empty: what the user can do. */
const ADVICE: Record<Status, string> = {
  CHECKING: '',
  READY: '',
  LOCKED: 'Unlock the login keyring (e.g. in Passwords and Keys), then try again.',
  UNAVAILABLE: 'No Secret Service is running: start gnome-keyring or KWallet, then try again.',
};

export function KeychainStatus() {
  const api = useApi();
  const [status, setStatus] = useState<Status>('CHECKING');
  const [message, setMessage] = useState('');

  const check = useCallback(async () => {
    const result = await settle(() => api.getKeychainStatus({}));
    if (result.ok) {
      setStatus(result.value.Status);
      setMessage(result.value.Message);
    } else {
      setStatus('UNAVAILABLE');
      setMessage(`${result.error.__type}: ${result.error.message}`);
    }
  }, [api]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- polling an external system
    void check();
    const timer = setInterval(() => void check(), 15_000);
    const onFocus = () => void check();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [check]);

  const detail = message || ADVICE[status];
  return (
    <div className={`keychain keychain-${status}`} role="status" aria-live="polite" data-testid="keychain-status">
      <span className="keychain-pill">
        <span className="keychain-dot" aria-hidden="true" />
        {LABELS[status]}
      </span>
      {status !== 'READY' && status !== 'CHECKING' && detail && <span className="keychain-message">{detail}</span>}
      {status !== 'READY' && status !== 'CHECKING' && (
        <button type="button" className="button small" onClick={() => void check()}>
          Check again
        </button>
      )}
    </div>
  );
}
