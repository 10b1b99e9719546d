// A text area for a key as text, fed by typing, pasting, dropping a file, or the native open dialog
// (openPublicKeyFile: the main process reads the file). Binary files (DER) arrive as base64, text
// files (PEM, JWK, hex) as they are, so the field always shows what will be decoded.
import { useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { WireError } from '../../../shared/errors';
import { useApi } from '../api/ApiContext';
import { settle } from '../api/client';
import { base64ToBytes, fileBytesToText } from '../lib/bytes';

interface Props {
  id: string;
  name: string;
  label: string;
  required: boolean;
  value: string;
  onChange: (value: string) => void;
  /** Enter (without Shift) submits the form: keys are pasted, not typed line by line. */
  onSubmit: () => void;
  onFileError: (error: WireError) => void;
  invalid: boolean;
  describedBy: string;
  placeholder: string;
  children?: ReactNode;
}

export function KeyTextField(props: Props) {
  const { id, name, label, required, value, onChange, onSubmit, onFileError, invalid, describedBy, placeholder } =
    props;
  const api = useApi();
  const [dragging, setDragging] = useState(false);
  const [source, setSource] = useState('');

  const openFile = async () => {
    const result = await settle(() => api.openPublicKeyFile());
    if (!result.ok) return onFileError(result.error);
    if ('Canceled' in result.value) return;
    onChange(fileBytesToText(base64ToBytes(result.value.Contents)));
    setSource(result.value.FileName);
  };

  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (!file) return;
    onChange(fileBytesToText(new Uint8Array(await file.arrayBuffer())));
    setSource(file.name);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onSubmit();
    }
  };

  return (
    <div className="field">
      <div className="field-label-row">
        <label htmlFor={id} className="field-label">
          {label}{' '}
          {required ? (
            <span className="field-required">required</span>
          ) : (
            <span className="field-optional">optional</span>
          )}
        </label>
        {source && <span className="field-source">from {source}</span>}
        <button type="button" className="button small" onClick={() => void openFile()}>
          Open file…
        </button>
      </div>
      <textarea
        id={id}
        name={name}
        className={`input mono keytext${dragging ? ' dragging' : ''}`}
        rows={5}
        spellCheck={false}
        autoComplete="off"
        placeholder={placeholder}
        value={value}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          onChange(e.target.value);
          setSource('');
        }}
        onKeyDown={onKeyDown}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => void onDrop(e)}
      />
      {props.children}
    </div>
  );
}
