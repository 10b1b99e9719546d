// The key's aliases: each with a remove button (DeleteAlias), and a field to add one (CreateAlias).
// Aliases are how people name keys in the derive form, so they are edited right beside the key.
import { useState, type FormEvent } from 'react';
import type { KeyDetails } from '../../../shared/responses';
import { useApi } from '../api/ApiContext';
import { fullAliasName } from './KeyFormFields';
import type { useAction } from './useAction';

interface Props {
  details: KeyDetails;
  action: ReturnType<typeof useAction>;
}

export function AliasEditor({ details: k, action }: Props) {
  const api = useApi();
  const [alias, setAlias] = useState('');

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!alias.trim()) return;
    const done = await action.run('CreateAlias', () =>
      api.createAlias({ AliasName: fullAliasName(alias), TargetKeyId: k.KeyId }),
    );
    if (done) setAlias('');
  };

  return (
    <section className="subsection" aria-labelledby="aliases-title">
      <h3 id="aliases-title" className="subsection-title">
        Aliases
      </h3>
      {k.AliasNames.length === 0 && <p className="muted">No aliases.</p>}
      <ul className="chip-list">
        {k.AliasNames.map((name) => (
          <li key={name} className="chip">
            <code className="mono">{name}</code>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove alias ${name}`}
              title={`Remove alias ${name}`}
              disabled={action.running !== null}
              onClick={() => void action.run('DeleteAlias', () => api.deleteAlias({ AliasName: name }))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={(e) => void add(e)}>
        <label htmlFor="add-alias" className="visually-hidden">
          New alias
        </label>
        <div className="input-prefixed">
          <span className="input-prefix" aria-hidden="true">
            alias/
          </span>
          <input
            id="add-alias"
            className="input mono"
            placeholder="new-alias"
            value={alias.replace(/^alias\//, '')}
            onChange={(e) => setAlias(e.target.value)}
            spellCheck={false}
          />
        </div>
        <button type="submit" className="button small" disabled={!alias.trim() || action.running !== null}>
          Add alias
        </button>
      </form>
    </section>
  );
}
