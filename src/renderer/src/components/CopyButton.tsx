// Copy with visible feedback ("Copied", or why it failed), announced politely to screen readers.
// Secrets go through copySecret, which clears the clipboard again after 30 seconds.
import { useEffect, useState } from 'react';
import { copySecret, copyText, SECRET_CLIPBOARD_SECONDS } from '../lib/clipboard';

interface Props {
  text: string;
  label?: string;
  secret?: boolean;
  className?: string;
}

export function CopyButton({ text, label = 'Copy', secret = false, className = '' }: Props) {
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), 4000);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = async () => {
    try {
      if (secret) await copySecret(text);
      else await copyText(text);
      setStatus(secret ? `Copied; clipboard clears in ${SECRET_CLIPBOARD_SECONDS} s` : 'Copied');
    } catch {
      setStatus('Copy failed: the clipboard is not available');
    }
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
