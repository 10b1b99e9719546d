// What update() may not do, because it would break the store's crash-safety invariants: only
// createKey/attachPrivateKey may give a key key material or a usable state (they store its private key
// first), only destroyKey may unlist a key (it journals the deletion of its private key), and a key with
// key material never loses the mark of it (destroyKey decides from the record whether there is a
// keychain item to delete).
import { QkmsError } from '../../shared/errors';
import type { IndexDocument, KeyRecord } from './types';

/**
 * Whether the key has a private key in the keychain. A key has none while PendingImport, and keeps none
 * when scheduled for deletion before its import (PendingDeletion without a public key); every other
 * listed key has one.
 */
export function hasKeyMaterial(record: KeyRecord): boolean {
  if (record.state === 'PendingImport') return false;
  return record.state !== 'PendingDeletion' || record.publicKeySpki !== undefined;
}

export function checkUpdateKeepsInvariants(before: IndexDocument, after: IndexDocument): void {
  const refuse = (why: string) => new QkmsError('KMSInternalException', `KeyStore.update() ${why}`);
  for (const [keyId, old] of Object.entries(before.keys)) {
    const now = after.keys[keyId];
    if (!now) throw refuse(`cannot remove key ${keyId}; use destroyKey()`);
    if (now.keyId !== keyId) throw refuse(`cannot change the KeyId of key ${keyId}`);
    if (!hasKeyMaterial(old)) {
      // Without key material a key may only wait for its import or for its deletion (AWS allows deleting
      // a key pending import; cancelling makes it PendingImport again).
      if (now.state !== 'PendingImport' && now.state !== 'PendingDeletion') {
        throw refuse(
          `cannot make key ${keyId} ${now.state}: it has no key material (${old.state}); use attachPrivateKey()`,
        );
      }
      if (now.publicKeySpki !== undefined) {
        throw refuse(`cannot give key ${keyId} a public key; it has no key material — use attachPrivateKey()`);
      }
    } else {
      if (now.state === 'PendingImport') {
        throw refuse(`cannot move key ${keyId} back to PendingImport; it has key material`);
      }
      if (now.publicKeySpki === undefined) {
        throw refuse(`cannot remove the public key of key ${keyId}; it has key material`);
      }
    }
  }
  for (const [keyId, now] of Object.entries(after.keys)) {
    if (!before.keys[keyId] && now.state !== 'PendingImport') {
      throw refuse(`can add key ${keyId} only as PendingImport; use createKey() to add a key with its private key`);
    }
  }
}
