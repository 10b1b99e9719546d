// RecipientInfo, the optional parameter: folded away until wanted (most derives have no recipient),
// and open whenever it holds something, so a filled-in recipient is never hidden from the user.
import type { WireError } from '../../../shared/errors';
import { FieldNotes } from './FieldNotes';
import { KeyTextField } from './KeyTextField';
import type { Note } from './preflight';

interface Props {
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  onFileError: (error: WireError) => void;
  invalid: boolean;
  describedBy: string;
  notes: Note[];
}

export function RecipientInfoField({ value, onChange, onSubmit, onFileError, invalid, describedBy, notes }: Props) {
  return (
    <details className="optional-params" open={value !== '' || undefined}>
      <summary>RecipientInfo (optional)</summary>
      <KeyTextField
        id="derive-recipient"
        name="RecipientInfo"
        label="RecipientInfo"
        required={false}
        value={value}
        onChange={onChange}
        onSubmit={onSubmit}
        onFileError={onFileError}
        invalid={invalid}
        describedBy={describedBy}
        placeholder="-----BEGIN PUBLIC KEY----- (RSA)"
      >
        <FieldNotes id="derive-recipient-notes" notes={notes} />
      </KeyTextField>
    </details>
  );
}
