// Copy with visible feedback ("Copied", or why it failed), announced politely to screen readers.
// The renderer has no clipboard permission: the main process copies. Secrets go through copySecret,
// which clears the clipboard again after 30 seconds if it still holds the secret.
import { useEffect, useState } from 'react';
import { SECRET_CLEAR_SECONDS } from '../../../shared/ipc-contract';
import { useApi } from '../api/ApiContext';
import { settle } from '../api/client';

interface Props {
  text: string;
  label?: string;
  secret?: boolean;
  className?: string;
}

export function CopyButton({ text, label = 'Copy', secret = false, className = '' }: Props) {
  const api = useApi();
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), 4000);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = async () => {
    const result = secret
      ? await settle(() => api.copySecret({ Text: text, ClearAfterSeconds: SECRET_CLEAR_SECONDS.default }))
      : await settle(() => api.copyText({ Text: text }));
    if (result.ok) setStatus(secret ? `Copied; clipboard clears in ${SECRET_CLEAR_SECONDS.default} s` : 'Copied');
    else setStatus(`Copy failed: ${result.error.message}`);
  };

  return (
    <span className="copy">
      <button type="button" className={`button small ${className}`} onClick={() => void copy()}>
        {label}
      </button>
      <span className="copy-status" role="status" aria-live="polite">
        {status}
      </span>
    </span>
  );
}
