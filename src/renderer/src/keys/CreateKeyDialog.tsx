// Create key: CreateKey with the spec, usage, description and tags, then CreateAlias when an alias
// was given. If the alias fails the key still exists; the dialog says so instead of hiding it.
import { useState, type FormEvent } from 'react';
import type { Tag } from '../../../shared/responses';
import type { WireError } from '../../../shared/errors';
import { useApi } from '../api/ApiContext';
import { settle } from '../api/client';
import { Dialog } from '../components/Dialog';
import { ErrorView } from '../components/ErrorView';
import { EMPTY_KEY_FORM, fullAliasName, KeyFormFields, type KeyFormValues } from './KeyFormFields';
import { TagRows } from './TagRows';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (keyId: string) => void;
}

export function CreateKeyDialog({ open, onClose, onCreated }: Props) {
  const api = useApi();
  const [values, setValues] = useState<KeyFormValues>(EMPTY_KEY_FORM);
  const [tags, setTags] = useState<Tag[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ error: WireError; field?: string } | null>(null);

  const close = () => {
    setValues(EMPTY_KEY_FORM);
    setTags([]);
    setError(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const filled = tags.filter((t) => t.TagKey.trim() !== '');
    const created = await settle(() =>
      api.createKey({
        KeySpec: values.KeySpec,
        KeyUsage: values.KeyUsage,
        ...(values.Description ? { Description: values.Description } : {}),
        ...(filled.length ? { Tags: filled } : {}),
      }),
    );
    if (!created.ok) {
      setBusy(false);
      return setError({ error: created.error });
    }
    const keyId = created.value.KeyMetadata.KeyId;
    if (values.Alias.trim()) {
      const alias = await settle(() => api.createAlias({ AliasName: fullAliasName(values.Alias), TargetKeyId: keyId }));
      if (!alias.ok) {
        setBusy(false);
        return setError({
          error: { ...alias.error, message: `Key ${keyId} was created, but its alias was not: ${alias.error.message}` },
          field: 'Alias',
        });
      }
    }
    setBusy(false);
    setValues(EMPTY_KEY_FORM);
    setTags([]);
    onCreated(keyId);
  };

  return (
    <Dialog title="Create key" open={open} onClose={close}>
      <form className="form" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <KeyFormFields idPrefix="create" values={values} onChange={setValues} />
        <TagRows idPrefix="create" tags={tags} onChange={setTags} />
        {error && <ErrorView error={error.error} field={error.field} />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            {error?.field === 'Alias' ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy && <span className="spinner" aria-hidden="true" />}
            {busy ? 'Creating…' : 'Create key'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
