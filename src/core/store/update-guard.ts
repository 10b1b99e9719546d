// What update() may not do, because it would break the store's crash-safety invariants: only
// createKey/attachPrivateKey may give a key usable state (they store its private key first), and only
// destroyKey may unlist a key (it journals the deletion of its private key).
import { QkmsError } from '../../shared/errors';
import type { IndexDocument } from './types';

export function checkUpdateKeepsInvariants(before: IndexDocument, after: IndexDocument): void {
  const refuse = (why: string) => new QkmsError('KMSInternalException', `KeyStore.update() ${why}`);
  for (const [keyId, old] of Object.entries(before.keys)) {
    const now = after.keys[keyId];
    if (!now) throw refuse(`cannot remove key ${keyId}; use destroyKey()`);
    if (now.keyId !== keyId) throw refuse(`cannot change the KeyId of key ${keyId}`);
    if (old.state === 'PendingImport' && now.state !== 'PendingImport') {
      throw refuse(`cannot move key ${keyId} out of PendingImport; use attachPrivateKey()`);
    }
    if (old.state !== 'PendingImport' && now.state === 'PendingImport') {
      throw refuse(`cannot move key ${keyId} back to PendingImport; it has key material`);
    }
  }
  for (const [keyId, now] of Object.entries(after.keys)) {
    if (!before.keys[keyId] && now.state !== 'PendingImport') {
      throw refuse(`can add key ${keyId} only as PendingImport; use createKey() to add a key with its private key`);
    }
  }
}
