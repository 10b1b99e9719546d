// The Keys view: a toolbar (filter, state, create, import), the key list, and the selected key's
// details beside it. The list comes from the shared key list (ListKeyDetails, the metadata index).
import { useDeferredValue, useState } from 'react';
import { KEY_STATES } from '../../../shared/key-spec';
import { useKeyList } from '../api/useKeyList';
import { ErrorView } from '../components/ErrorView';
import { CreateKeyDialog } from './CreateKeyDialog';
import { ImportKeyDialog } from './ImportKeyDialog';
import { KeyDetailsPane } from './KeyDetailsPane';
import { KeyTable } from './KeyTable';
import { filterAndSort, type Sort, type SortColumn, type StateFilter } from './sortFilter';

export function KeysView() {
  const { keys, loading, error, reload } = useKeyList();
  const [text, setText] = useState('');
  const [state, setState] = useState<StateFilter>('all');
  const [sort, setSort] = useState<Sort>({ column: 'created', descending: true });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  // Typing stays responsive with thousands of keys: the list re-filters at lower priority.
  const deferredText = useDeferredValue(text);
  const shown = filterAndSort(keys, deferredText, state, sort);
  const selected = keys.find((k) => k.KeyId === selectedId);

  const onSort = (column: SortColumn) =>
    setSort((s) => ({ column, descending: s.column === column ? !s.descending : column === 'created' }));

  const onCreated = async (keyId: string) => {
    setDialog(null);
    await reload();
    setSelectedId(keyId);
  };

  return (
    <div className="keys-view">
      <div className="keys-toolbar" role="toolbar" aria-label="Key list">
        <label className="toolbar-field">
          <span className="visually-hidden">Filter keys</span>
          <input
            type="search"
            className="input"
            placeholder="Filter by alias, id, spec, description…"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <label className="toolbar-field">
          <span className="toolbar-label">State</span>
          <select className="input" value={state} onChange={(e) => setState(e.target.value as StateFilter)}>
            <option value="all">All states</option>
            {KEY_STATES.map((s) => (
              <option key={s} value={s}>
                {s.replace(/([a-z])([A-Z])/g, '$1 $2')}
              </option>
            ))}
          </select>
        </label>
        <span className="toolbar-count" aria-live="polite" data-testid="key-count">
          {loading ? 'Loading…' : `${shown.length} of ${keys.length} keys`}
        </span>
        <span className="toolbar-spacer" />
        <button type="button" className="button" onClick={() => setDialog('import')}>
          Import key…
        </button>
        <button type="button" className="button primary" onClick={() => setDialog('create')}>
          Create key
        </button>
      </div>
      {error && <ErrorView error={error} />}
      <div className="keys-split">
        <KeyTable keys={shown} selectedId={selectedId} onSelect={setSelectedId} sort={sort} onSort={onSort} />
        {selected ? (
          <KeyDetailsPane key={selected.KeyId} details={selected} onChanged={reload} />
        ) : (
          <section className="panel key-details empty-state" aria-label="Key details">
            {keys.length
              ? 'Select a key to see its details, public key and actions.'
              : 'No keys yet. Create one, or import a PKCS#8 private key.'}
          </section>
        )}
      </div>
      <CreateKeyDialog
        open={dialog === 'create'}
        onClose={() => setDialog(null)}
        onCreated={(id) => void onCreated(id)}
      />
      <ImportKeyDialog
        open={dialog === 'import'}
        onClose={() => setDialog(null)}
        onImported={(id) => void onCreated(id)}
      />
    </div>
  );
}
