// A successful DeriveSharedSecret response. The secret is masked until revealed, shown in base64 (the
// wire form) or hex (what `openssl pkeyutl -derive | xxd -p` prints), with its length, copy and clear.
import { useState } from 'react';
import type { DeriveSharedSecretResponse } from '../../../shared/responses';
import { CopyButton } from '../components/CopyButton';
import { Segmented } from '../components/Segmented';
import { base64Length, base64ToBytes, bytesToHex } from '../lib/bytes';

interface Props {
  response: DeriveSharedSecretResponse;
  revealed: boolean;
  onReveal: (revealed: boolean) => void;
  onClear: () => void;
}

type Encoding = 'base64' | 'hex';
const ENCODINGS = [
  { value: 'base64', label: 'base64' },
  { value: 'hex', label: 'hex' },
] as const;

export function SecretResult({ response, revealed, onReveal, onClear }: Props) {
  const [encoding, setEncoding] = useState<Encoding>('base64');
  const secret = response.SharedSecret;
  const shown = secret === undefined ? '' : encoding === 'hex' ? bytesToHex(base64ToBytes(secret)) : secret;

  return (
    <div className="secret-result">
      <dl className="fields">
        <dt>KeyId</dt>
        <dd>
          <code className="mono wrap" data-testid="result-key-id">
            {response.KeyId}
          </code>
        </dd>
        <dt>Algorithm</dt>
        <dd>
          {response.KeyAgreementAlgorithm} · key origin {response.KeyOrigin}
        </dd>
        {secret !== undefined && (
          <>
            <dt>SharedSecret</dt>
            <dd>
              <div className={`secret-box${revealed ? ' revealed' : ''}`}>
                <code
                  className="mono wrap"
                  data-testid="shared-secret"
                  aria-label={revealed ? 'Shared secret' : 'Shared secret, hidden'}
                >
                  {revealed ? shown : '•'.repeat(Math.min(shown.length, 48))}
                </code>
              </div>
              <div className="secret-controls">
                <span className="secret-length" data-testid="secret-length">
                  {base64Length(secret)} bytes
                </span>
                <button
                  type="button"
                  className="button small"
                  aria-pressed={revealed}
                  onClick={() => onReveal(!revealed)}
                >
                  {revealed ? 'Hide' : 'Reveal'}
                </button>
                <Segmented label="Encoding" options={ENCODINGS} value={encoding} onChange={setEncoding} />
                <CopyButton text={shown} secret label={`Copy ${encoding}`} />
                <button type="button" className="button small danger-quiet" onClick={onClear}>
                  Clear
                </button>
              </div>
            </dd>
          </>
        )}
        {response.CiphertextForRecipient !== undefined && (
          <>
            <dt>CiphertextForRecipient</dt>
            <dd>
              <code className="mono wrap blob" data-testid="ciphertext">
                {response.CiphertextForRecipient}
              </code>
              <div className="secret-controls">
                <span className="secret-length">{base64Length(response.CiphertextForRecipient)} bytes</span>
                <CopyButton text={response.CiphertextForRecipient} secret />
                <button type="button" className="button small danger-quiet" onClick={onClear}>
                  Clear
                </button>
              </div>
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
