// The fields CreateKey and the import share: KeySpec, KeyUsage, Description and an optional alias
// (created with CreateAlias right after the key, as the AWS console does).
import { CURVES, KEY_SPECS, type KeySpec } from '../../../shared/key-spec';

export interface KeyFormValues {
  KeySpec: KeySpec;
  KeyUsage: 'DERIVE_SHARED_SECRET' | 'SIGN_VERIFY';
  Description: string;
  Alias: string;
}

export const EMPTY_KEY_FORM: KeyFormValues = {
  KeySpec: 'ECC_NIST_P256',
  KeyUsage: 'DERIVE_SHARED_SECRET',
  Description: '',
  Alias: '',
};

/** "payments" → "alias/payments"; an alias already written in full is kept. */
export const fullAliasName = (alias: string) =>
  alias.trim().startsWith('alias/') ? alias.trim() : `alias/${alias.trim()}`;

interface Props {
  idPrefix: string;
  values: KeyFormValues;
  onChange: (values: KeyFormValues) => void;
  specHint?: string;
}

export function KeyFormFields({ idPrefix, values, onChange, specHint }: Props) {
  const set = <F extends keyof KeyFormValues>(field: F, value: KeyFormValues[F]) =>
    onChange({ ...values, [field]: value });
  return (
    <>
      <div className="field-row">
        <div className="field">
          <label className="field-label" htmlFor={`${idPrefix}-spec`}>
            KeySpec
          </label>
          <select
            id={`${idPrefix}-spec`}
            className="input"
            value={values.KeySpec}
            onChange={(e) => set('KeySpec', e.target.value as KeySpec)}
          >
            {KEY_SPECS.map((spec) => (
              <option key={spec} value={spec}>
                {spec} ({CURVES[spec].displayName})
              </option>
            ))}
          </select>
          {specHint && <p className="field-hint">{specHint}</p>}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${idPrefix}-usage`}>
            KeyUsage
          </label>
          <select
            id={`${idPrefix}-usage`}
            className="input"
            value={values.KeyUsage}
            onChange={(e) => set('KeyUsage', e.target.value as KeyFormValues['KeyUsage'])}
          >
            <option value="DERIVE_SHARED_SECRET">DERIVE_SHARED_SECRET</option>
            <option value="SIGN_VERIFY">SIGN_VERIFY</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${idPrefix}-alias`}>
          Alias <span className="field-optional">optional</span>
        </label>
        <div className="input-prefixed">
          <span className="input-prefix" aria-hidden="true">
            alias/
          </span>
          <input
            id={`${idPrefix}-alias`}
            className="input mono"
            value={values.Alias.replace(/^alias\//, '')}
            onChange={(e) => set('Alias', e.target.value)}
            placeholder="payments-ecdh"
            spellCheck={false}
            autoComplete="off"
            aria-describedby={`${idPrefix}-alias-hint`}
          />
        </div>
        <p className="field-hint" id={`${idPrefix}-alias-hint`}>
          Letters, digits, / _ - only; not starting with aws/.
        </p>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${idPrefix}-description`}>
          Description <span className="field-optional">optional</span>
        </label>
        <input
          id={`${idPrefix}-description`}
          className="input"
          value={values.Description}
          onChange={(e) => set('Description', e.target.value)}
        />
      </div>
    </>
  );
}
