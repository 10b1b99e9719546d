// Import key: the main process opens the file dialog and reads the PKCS#8 file itself
// (importKeyFromFile), so the private key never passes through this page. We send only the metadata.
import { useState, type FormEvent } from 'react';
import type { WireError } from '../../../shared/errors';
import { useApi } from '../api/ApiContext';
import { settle } from '../api/client';
import { Dialog } from '../components/Dialog';
import { ErrorView } from '../components/ErrorView';
import { EMPTY_KEY_FORM, fullAliasName, KeyFormFields, type KeyFormValues } from './KeyFormFields';

interface Props {
  open: boolean;
  onClose: () => void;
  onImported: (keyId: string) => void;
}

export function ImportKeyDialog({ open, onClose, onImported }: Props) {
  const api = useApi();
  const [values, setValues] = useState<KeyFormValues>(EMPTY_KEY_FORM);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WireError | null>(null);

  const close = () => {
    setValues(EMPTY_KEY_FORM);
    setError(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const imported = await settle(() =>
      api.importKeyFromFile({
        KeySpec: values.KeySpec,
        KeyUsage: values.KeyUsage,
        ...(values.Description ? { Description: values.Description } : {}),
      }),
    );
    if (!imported.ok || 'Canceled' in imported.value) {
      setBusy(false);
      return imported.ok ? undefined : setError(imported.error);
    }
    const keyId = imported.value.KeyMetadata.KeyId;
    if (values.Alias.trim()) {
      const alias = await settle(() => api.createAlias({ AliasName: fullAliasName(values.Alias), TargetKeyId: keyId }));
      if (!alias.ok) {
        setBusy(false);
        return setError({
          ...alias.error,
          message: `Key ${keyId} was imported, but its alias was not: ${alias.error.message}`,
        });
      }
    }
    setBusy(false);
    setValues(EMPTY_KEY_FORM);
    onImported(keyId);
  };

  return (
    <Dialog title="Import key" open={open} onClose={close}>
      <form className="form" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <p className="dialog-lede">
          Imports an EC private key from a PKCS#8 file (PEM or DER). The file is read by the app&apos;s main process and
          stored in the OS keychain; it never passes through this window.
        </p>
        <KeyFormFields
          idPrefix="import"
          values={values}
          onChange={setValues}
          specHint="Must be the curve of the key in the file."
        />
        {error && <ErrorView error={error} />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy && <span className="spinner" aria-hidden="true" />}
            {busy ? 'Importing…' : 'Choose PKCS#8 file and import…'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
