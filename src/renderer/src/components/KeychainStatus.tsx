// The keychain's state, always visible: every private key lives there, so "locked" or "unavailable"
// explains every failure that follows. A pill in the header, plus a full-width banner saying what to
// do whenever it is not ready. Re-checked on focus and every 15 s, because the user unlocks the
// keyring in another program and then comes back.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { GetKeychainStatusResponse } from '../../../shared/responses';
import { useApi } from '../api/ApiContext';
import { settle } from '../api/client';

type Status = GetKeychainStatusResponse['Status'] | 'CHECKING';
interface Keychain {
  status: Status;
  message: string;
  check: () => Promise<void>;
}

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
  LOCKED: 'Unlock the login keyring (e.g. in Passwords and Keys), then check again.',
  UNAVAILABLE: 'No Secret Service is running: start gnome-keyring or KWallet, then check again.',
};

const KeychainContext = createContext<Keychain | null>(null);

export function KeychainProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [status, setStatus] = useState<Status>('CHECKING');
  const [message, setMessage] = useState('');

  const check = useCallback(async () => {
    const result = await settle(() => api.getKeychainStatus({}));
    setStatus(result.ok ? result.value.Status : 'UNAVAILABLE');
    setMessage(result.ok ? result.value.Message : `${result.error.__type}: ${result.error.message}`);
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

  return <KeychainContext.Provider value={{ status, message, check }}>{children}</KeychainContext.Provider>;
}

function useKeychain(): Keychain {
  const keychain = useContext(KeychainContext);
  if (!keychain) throw new Error('needs a <KeychainProvider> above it');
  return keychain;
}

export function KeychainPill() {
  const { status } = useKeychain();
  return (
    <div className={`keychain keychain-${status}`} role="status" data-testid="keychain-status">
      <span className="keychain-pill">
        <span className="keychain-dot" aria-hidden="true" />
        {LABELS[status]}
      </span>
    </div>
  );
}

export function KeychainBanner() {
  const { status, message, check } = useKeychain();
  if (status === 'READY' || status === 'CHECKING') return null;
  return (
    <div className={`keychain-banner keychain-${status}`} role="alert" data-testid="keychain-banner">
      <strong className="keychain-banner-title">{LABELS[status]}.</strong>
      <span className="keychain-message">{message || ADVICE[status]}</span>
      <button type="button" className="button small" onClick={() => void check()}>
        Check again
      </button>
    </div>
  );
}
