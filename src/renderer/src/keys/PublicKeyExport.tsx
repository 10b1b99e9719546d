// The public key panel of the key details: one format at a time (a tab list), its fingerprint, copy
// and save. Saving goes through the main process's save dialog (savePublicKey).
import { Fragment, useState } from 'react';
import type { KeyDetails } from '../../../shared/responses';
import type { PublicKeyFileFormat } from '../../../shared/ipc-contract';
import type { WireError } from '../../../shared/errors';
import { useApi } from '../api/ApiContext';
import { settle } from '../api/client';
import { CopyButton } from '../components/CopyButton';
import { Segmented } from '../components/Segmented';
import { ErrorView } from '../components/ErrorView';
import { usePublicKey } from './usePublicKey';

const FORMATS: { id: PublicKeyFileFormat; label: string }[] = [
  { id: 'DER', label: 'Base64 DER' },
  { id: 'PEM', label: 'PEM' },
  { id: 'JWK', label: 'JWK' },
];

export function PublicKeyExport({ details }: { details: KeyDetails }) {
  const api = useApi();
  const hasKey = details.KeyState !== 'PendingImport';
  const state = usePublicKey(details.KeyId, hasKey);
  const [format, setFormat] = useState<PublicKeyFileFormat>('PEM');
  const [saved, setSaved] = useState<{ path?: string; error?: WireError } | null>(null);

  const save = async () => {
    const result = await settle(() => api.savePublicKey({ KeyId: details.KeyId, Format: format }));
    if (!result.ok) setSaved({ error: result.error });
    else if ('Path' in result.value) setSaved({ path: result.value.Path });
  };

  return (
    <section className="subsection" aria-labelledby="public-key-title">
      <h3 id="public-key-title" className="subsection-title">
        Public key
      </h3>
      {!hasKey && <p className="muted">No key material has been imported yet.</p>}
      {hasKey && state.status === 'loading' && <p className="muted">Loading…</p>}
      {hasKey && state.status === 'error' && <ErrorView error={state.error} field="GetPublicKey" />}
      {hasKey && state.status === 'ok' && (
        <>
          <Segmented
            label="Format"
            options={FORMATS.map((f) => ({ value: f.id, label: f.label }))}
            value={format}
            onChange={setFormat}
          />
          <pre
            className="mono public-key-text"
            data-testid="public-key-text"
            data-format={format}
            tabIndex={0}
            aria-label={`Public key, ${format}`}
          >
            {state.forms[format]}
          </pre>
          <p className="fingerprint">
            <span className="fingerprint-label">SHA-256 fingerprint of the DER</span>
            <code className="mono wrap" data-testid="fingerprint">
              {state.forms.fingerprint.split(':').map((byte, i) => (
                // A line may break after any colon, never inside a byte.
                <Fragment key={i}>
                  {i > 0 && ':'}
                  {i > 0 && <wbr />}
                  {byte}
                </Fragment>
              ))}
            </code>
          </p>
          <div className="button-row">
            <CopyButton text={state.forms[format]} label={`Copy ${format}`} />
            <button type="button" className="button small" onClick={() => void save()}>
              Save {format} file…
            </button>
            <span role="status" className="copy-status">
              {saved?.path && `Saved to ${saved.path}`}
            </span>
          </div>
          {saved?.error && <ErrorView error={saved.error} field="savePublicKey" />}
        </>
      )}
    </section>
  );
}
