// The list of keys, loaded once and shared by the Keys view and the derive form's key picker.
// ListKeyDetails pages through the metadata index (never the keychain), 1000 keys per call, so even
// thousands of keys arrive in a few calls; the views filter and sort in memory.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { KeyDetails } from '../../../shared/responses';
import type { WireError } from '../../../shared/errors';
import { useApi } from './ApiContext';
import { settle } from './client';

interface KeyList {
  keys: KeyDetails[];
  loading: boolean;
  error: WireError | null;
  reload: () => Promise<void>;
}

const KeyListContext = createContext<KeyList | null>(null);

export function KeyListProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [keys, setKeys] = useState<KeyDetails[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<WireError | null>(null);

  const reload = useCallback(async () => {
    // `loading` is true only until the first answer; later reloads replace the list in place, silently.
    const all: KeyDetails[] = [];
    let marker: string | undefined;
    for (;;) {
      const page = await settle(() => api.listKeyDetails(marker ? { Limit: 1000, Marker: marker } : { Limit: 1000 }));
      if (!page.ok) {
        setError(page.error);
        setLoading(false);
        return;
      }
      all.push(...page.value.Keys);
      if (!page.value.Truncated || !page.value.NextMarker) break;
      marker = page.value.NextMarker;
    }
    setKeys(all);
    setError(null);
    setLoading(false);
  }, [api]);

  useEffect(() => {
    // Loading on mount is an external sync, the intended use of an effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload();
    // Keys may change outside the window (the qkms CLI, the loopback endpoint): reload on return.
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [reload]);

  const value = useMemo(() => ({ keys, loading, error, reload }), [keys, loading, error, reload]);
  return <KeyListContext.Provider value={value}>{children}</KeyListContext.Provider>;
}

export function useKeyList(): KeyList {
  const list = useContext(KeyListContext);
  if (!list) throw new Error('useKeyList() needs a <KeyListProvider> above it');
  return list;
}

/** Finds the key a typed KeyId names: a key id, key ARN, alias name or alias ARN. */
export function resolveKey(keys: readonly KeyDetails[], typed: string): KeyDetails | undefined {
  const id = typed.trim();
  if (!id) return undefined;
  const aliasName = id.includes(':alias/') ? id.slice(id.indexOf(':alias/') + 1) : id;
  return keys.find((k) => k.KeyId === id || k.Arn === id || k.AliasNames.includes(aliasName));
}
