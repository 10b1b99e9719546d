// The DeriveSharedSecret form. Its fields are the request's parameters (KeyId, PublicKey,
// RecipientInfo), so what the user fills in is what the request / response view shows being sent.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import type { WireError } from '../../../shared/errors';
import { useApi } from '../api/ApiContext';
import { settle } from '../api/client';
import { resolveKey, useKeyList } from '../api/useKeyList';
import { ErrorView } from '../components/ErrorView';
import { errorField, type DeriveField, type DeriveRequest, type Exchange } from './exchange';
import { FieldNotes } from './FieldNotes';
import { intakeText } from './intake';
import { KeyIdField } from './KeyIdField';
import { KeyTextField } from './KeyTextField';
import { RecipientInfoField } from './RecipientInfoField';
import { keyWarning, publicKeyNotes, recipientNotes } from './preflight';
import { useInspect } from './useInspect';

interface Props {
  exchange: Exchange | null;
  onExchange: (exchange: Exchange) => void;
}

const FIELD_IDS: Record<DeriveField, string> = {
  KeyId: 'derive-key-id',
  PublicKey: 'derive-public-key',
  RecipientInfo: 'derive-recipient',
};

export function DeriveForm({ exchange, onExchange }: Props) {
  const api = useApi();
  const { keys } = useKeyList();
  const [keyId, setKeyId] = useState('');
  const [publicKeyText, setPublicKeyText] = useState('');
  const [recipientText, setRecipientText] = useState('');
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<DeriveField | null>(null);
  const [fileError, setFileError] = useState<WireError | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const resolved = resolveKey(keys, keyId);
  const intake = useMemo(() => intakeText(publicKeyText), [publicKeyText]);
  const recipient = useMemo(() => intakeText(recipientText), [recipientText]);
  const inspection = useInspect(intake && !intake.problem ? intake.blob : null, resolved?.KeyId);
  const keyNote = keyWarning(resolved);

  // A service error marks its field only while the field still holds what was sent.
  const sent = exchange?.request;
  const failed = exchange && !exchange.outcome.ok ? errorField(exchange.outcome.error) : undefined;
  const stillSent: Record<DeriveField, boolean> = {
    KeyId: sent?.KeyId === keyId.trim(),
    PublicKey: sent?.PublicKey === intake?.blob,
    RecipientInfo: sent?.RecipientInfo === recipient?.blob,
  };
  const invalid = (f: DeriveField) => missing === f || (failed === f && stillSent[f]);

  const focusField = (field: DeriveField) => document.getElementById(FIELD_IDS[field])?.focus();

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    const empty: DeriveField | null = !keyId.trim() ? 'KeyId' : !intake ? 'PublicKey' : null;
    setMissing(empty);
    if (empty || !intake) return focusField(empty ?? 'PublicKey');
    const request: DeriveRequest = { KeyId: keyId.trim(), PublicKey: intake.blob };
    if (recipient) request.RecipientInfo = recipient.blob;
    setBusy(true);
    const outcome = await settle(() => api.deriveSharedSecret(request));
    setBusy(false);
    onExchange({ request, outcome });
    if (outcome.ok) document.getElementById('results-heading')?.focus();
    else {
      const field = errorField(outcome.error);
      if (field) focusField(field);
    }
  };

  const describe = (f: DeriveField, notes: string) =>
    [notes, failed === f && stillSent[f] ? 'derive-error' : ''].join(' ').trim();

  return (
    <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
      <KeyIdField
        value={keyId}
        onChange={(v) => {
          setKeyId(v);
          setMissing(null);
        }}
        keys={keys}
        resolved={resolved}
        invalid={invalid('KeyId')}
        describedBy={describe('KeyId', 'derive-key-id-note derive-key-id-warn')}
      />
      <FieldNotes
        id="derive-key-id-warn"
        notes={[
          ...(missing === 'KeyId' ? [{ tone: 'warn' as const, text: 'KeyId is required.' }] : []),
          ...(keyNote ? [keyNote] : []),
        ]}
      />
      <KeyTextField
        id="derive-public-key"
        name="PublicKey"
        label="PublicKey"
        required
        value={publicKeyText}
        onChange={(v) => {
          setPublicKeyText(v);
          setMissing(null);
        }}
        onSubmit={() => form.current?.requestSubmit()}
        onFileError={setFileError}
        invalid={invalid('PublicKey')}
        describedBy={describe('PublicKey', 'derive-public-key-notes')}
        placeholder={'-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…\n-----END PUBLIC KEY-----'}
      >
        <FieldNotes
          id="derive-public-key-notes"
          notes={
            missing === 'PublicKey'
              ? [{ tone: 'warn', text: 'PublicKey is required.' }]
              : publicKeyNotes(intake, inspection, resolved)
          }
        />
      </KeyTextField>
      <RecipientInfoField
        value={recipientText}
        onChange={setRecipientText}
        onSubmit={() => form.current?.requestSubmit()}
        onFileError={setFileError}
        invalid={invalid('RecipientInfo')}
        describedBy={describe('RecipientInfo', 'derive-recipient-notes')}
        notes={recipientNotes(recipient)}
      />
      {fileError && <ErrorView error={fileError} field="the opened file" />}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy} data-testid="derive-submit">
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? 'Deriving…' : 'Derive shared secret'}
        </button>
        <span className="form-actions-hint">Enter</span>
      </div>
    </form>
  );
}
