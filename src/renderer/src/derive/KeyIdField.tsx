// KeyId: a text field that takes a key id, key ARN, alias name or alias ARN (the spec's KeyId), with
// the usable keys offered as suggestions (alias, curve and state in each), and a line under it saying
// which key the typed value names, so the user sees the key before anything is sent.
import type { KeyDetails } from '../../../shared/responses';
import { CURVES } from '../../../shared/key-spec';
import { StateBadge } from '../components/StateBadge';

interface Props {
  value: string;
  onChange: (value: string) => void;
  keys: readonly KeyDetails[];
  resolved: KeyDetails | undefined;
  invalid: boolean;
  describedBy: string;
}

/** Keys that can derive: enabled, for key agreement. Others can still be typed, with a warning. */
export const isUsableForDerive = (k: KeyDetails) => k.KeyState === 'Enabled' && k.KeyUsage === 'DERIVE_SHARED_SECRET';

export function keyLabel(k: KeyDetails): string {
  return k.AliasNames[0] ?? k.KeyId;
}

export function KeyIdField({ value, onChange, keys, resolved, invalid, describedBy }: Props) {
  const usable = keys.filter(isUsableForDerive);
  return (
    <div className="field">
      <label htmlFor="derive-key-id" className="field-label">
        KeyId <span className="field-required">required</span>
      </label>
      <input
        id="derive-key-id"
        name="KeyId"
        className="input mono"
        list="derive-key-options"
        autoComplete="off"
        spellCheck={false}
        placeholder="Key id, key ARN, alias/name or alias ARN"
        value={value}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id="derive-key-options">
        {usable.map((k) => (
          <option
            key={k.KeyId}
            value={k.KeyId}
            label={`${keyLabel(k)} · ${CURVES[k.KeySpec].displayName} · ${k.KeyState}`}
          />
        ))}
      </datalist>
      <p className="field-hint" id="derive-key-id-note" aria-live="polite">
        {resolved ? (
          <span className="resolved-key" data-testid="resolved-key">
            <StateBadge state={resolved.KeyState} />
            <span className="resolved-curve">{CURVES[resolved.KeySpec].displayName}</span>
            <span className="resolved-name">{keyLabel(resolved)}</span>
            {resolved.AliasNames.length > 0 && <code className="resolved-id">{resolved.KeyId}</code>}
          </span>
        ) : value.trim() ? (
          'Not in the key list: the service will look it up when you derive.'
        ) : usable.length === 0 ? (
          'No usable key yet: create or import one under Keys.'
        ) : (
          `${usable.length} usable key${usable.length === 1 ? '' : 's'}: focus the field and press ↓ to pick one.`
        )}
      </p>
    </div>
  );
}
