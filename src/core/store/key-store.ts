// The key store: metadata in the index, private keys in the OS keychain, kept consistent across
// crashes. Invariants (each step below is ordered to keep them at every instant):
//   - a listed key with key material (hasKeyMaterial: not PendingImport, nor PendingDeletion before its
//     import) has its private key in the keychain; a key without key material has no keychain item;
//   - the private key of a listed key is never deleted;
//   - a keychain item of an unlisted key is always named by a journal entry, so it gets deleted.
// Every multi-step change runs under the index lock: journal entry → keychain → commit (+ drop entry).
import { QkmsError } from '../../shared/errors';
import type { Keychain } from './keychain';
import { privateKeyAccount } from './keychain';
import { journalEntry, removeEntry, settleAbandoned } from './keychain-journal';
import { indexProblem } from './index-validation';
import { type IndexTransaction, MetadataIndex } from './metadata-index';
import type { IndexDocument, KeychainStatus, KeyRecord, KeyStore, StoredIndexDocument } from './types';
import { checkUpdateKeepsInvariants, hasKeyMaterial } from './update-guard';

export { defaultDataDir, QKMS_APP_NAME } from './data-dir';

export interface KeyStoreOptions {
  /** Folder of the index; see defaultDataDir(). Created with mode 0700 on the first write. */
  dataDir: string;
  keychain: Keychain;
  /** Bound on waiting for another process's index write (default 20 s). */
  lockTimeoutMs?: number;
}

export interface FileKeyStore extends KeyStore {
  /** Path of the index file (`keys.json`). */
  readonly indexFile: string;
}

export function createKeyStore(options: KeyStoreOptions): FileKeyStore {
  const index = new MetadataIndex({ dataDir: options.dataDir, lockTimeoutMs: options.lockTimeoutMs });
  const keychain = options.keychain;

  /** Under the lock: the current document, with abandoned journal entries settled first. */
  async function begin(tx: IndexTransaction): Promise<StoredIndexDocument> {
    const doc = await tx.read();
    if (await settleAbandoned(doc, keychain)) await tx.write(doc);
    return doc;
  }

  /** Journal → keychain write → commit. A failed write that surely did nothing drops its entry. */
  async function storeThenCommit(
    tx: IndexTransaction,
    doc: StoredIndexDocument,
    keyId: string,
    op: 'create' | 'attach',
    privateKey: Uint8Array,
    commit: () => void,
  ) {
    const entry = journalEntry(op, keyId);
    doc.pending = [...(doc.pending ?? []), entry];
    await tx.write(doc);
    try {
      // Never log the secret; it is key material.
      await keychain.setSecret(privateKeyAccount(keyId), Buffer.from(privateKey).toString('base64'));
    } catch (error) {
      // A timed-out call may still land, so its entry stays (settled after this process ends).
      if (!(error instanceof QkmsError && error.code === 'DependencyTimeoutException')) {
        removeEntry(doc, entry);
        await tx.write(doc);
      }
      throw error;
    }
    commit();
    removeEntry(doc, entry);
    try {
      await tx.write(doc);
    } catch (error) {
      await undoUncommitted(tx, keyId);
      throw error;
    }
  }

  /**
   * The commit write failed (say, the disk filled up or turned read-only after the journal write): unless
   * the index on disk shows the key committed (a rename that landed before a later step failed), the
   * item just stored is deleted again. Its journal entry stays on disk either way, so should this delete
   * fail too, the item is still named and is settled once this process has ended.
   */
  async function undoUncommitted(tx: IndexTransaction, keyId: string): Promise<void> {
    try {
      const onDisk = (await tx.read()).keys[keyId];
      if (onDisk && hasKeyMaterial(onDisk)) return;
      await keychain.deleteSecret(privateKeyAccount(keyId));
    } catch {
      // Left to the journal entry (see above).
    }
  }

  return {
    indexFile: index.file,

    async read(): Promise<IndexDocument> {
      const { pending: _journal, ...doc } = await index.read();
      return doc;
    },

    async update<T>(mutate: (doc: IndexDocument) => T): Promise<T> {
      return index.locked(async (tx) => {
        const doc = await begin(tx);
        const before = structuredClone(doc);
        const pending = doc.pending;
        const result = mutate(doc);
        doc.pending = pending; // the journal is the store's, not the caller's
        checkUpdateKeepsInvariants(before, doc);
        await tx.write(doc);
        return result;
      });
    },

    async createKey(record: KeyRecord, privateKey: Uint8Array): Promise<void> {
      if (record.state === 'PendingImport') {
        throw new QkmsError('KMSInternalException', 'createKey() cannot list a PendingImport key with a private key');
      }
      await index.locked(async (tx) => {
        const doc = await begin(tx);
        if (doc.keys[record.keyId]) throw new QkmsError('AlreadyExistsException', `key ${record.keyId} already exists`);
        refuseMalformed('createKey()', { ...doc, keys: { ...doc.keys, [record.keyId]: record } });
        await storeThenCommit(tx, doc, record.keyId, 'create', privateKey, () => {
          doc.keys[record.keyId] = structuredClone(record);
        });
      });
    },

    async attachPrivateKey(
      keyId: string,
      privateKey: Uint8Array,
      complete: (record: KeyRecord) => void,
    ): Promise<void> {
      await index.locked(async (tx) => {
        const doc = await begin(tx);
        const record = doc.keys[keyId];
        if (!record) throw new QkmsError('NotFoundException', `key ${keyId} does not exist`);
        if (record.state !== 'PendingImport') {
          throw new QkmsError(
            'KMSInvalidStateException',
            `key ${keyId} is ${record.state}, not PendingImport; it already has key material`,
          );
        }
        // Completed before the keychain is touched, so a throwing `complete` needs no undo.
        const completed = structuredClone(record);
        complete(completed);
        const usable = completed.state === 'Enabled' || completed.state === 'Disabled';
        if (!usable || completed.publicKeySpki === undefined || completed.keyId !== keyId) {
          throw new QkmsError(
            'KMSInternalException',
            `attachPrivateKey(): complete() must make key ${keyId} Enabled or Disabled and set its public key`,
          );
        }
        refuseMalformed('attachPrivateKey()', { ...doc, keys: { ...doc.keys, [keyId]: completed } });
        await storeThenCommit(tx, doc, keyId, 'attach', privateKey, () => {
          doc.keys[keyId] = completed;
        });
      });
    },

    async getPrivateKey(keyId: string): Promise<Uint8Array> {
      const record = (await index.read()).keys[keyId];
      if (!record) throw new QkmsError('NotFoundException', `key ${keyId} does not exist`);
      if (record.state === 'PendingImport') {
        throw new QkmsError('KMSInvalidStateException', `key ${keyId} is pending import; it has no key material yet`);
      }
      if (!hasKeyMaterial(record)) {
        throw new QkmsError('KMSInvalidStateException', `key ${keyId} is ${record.state}; it has no key material`);
      }
      const secret = (await keychain.getSecret(privateKeyAccount(keyId))) ?? (await explainMissing(keyId));
      return decodePrivateKey(keyId, secret);
    },

    async destroyKey(keyId: string): Promise<void> {
      await index.locked(async (tx) => {
        const doc = await begin(tx);
        const record = doc.keys[keyId];
        if (!record) throw new QkmsError('NotFoundException', `key ${keyId} does not exist`);
        const unlist = () => {
          delete doc.keys[keyId];
          for (const [name, alias] of Object.entries(doc.aliases))
            if (alias.targetKeyId === keyId) delete doc.aliases[name];
        };
        if (!hasKeyMaterial(record)) {
          // No private key was ever stored (an interrupted import's item is journalled and settled apart):
          // nothing to delete from the keychain, so it is not even asked — a locked one cannot fail this.
          unlist();
          await tx.write(doc);
          return;
        }
        // Unlist first (key, its aliases, and the journal entry naming its item, in one atomic write).
        const entry = journalEntry('delete', keyId);
        unlist();
        doc.pending = [...(doc.pending ?? []), entry];
        await tx.write(doc);
        const unlisted = `key ${keyId} was deleted from the index, but its private key is still in the keychain (it will be deleted by a later write): `;
        /** Leaves the entry for any later writer (no call of ours is still in flight) and reports why. */
        const giveUp = async (code: QkmsError['code'], why: string) => {
          removeEntry(doc, entry);
          doc.pending = [...(doc.pending ?? []), { ...entry, ownerPid: 0 }];
          await tx.write(doc);
          return new QkmsError(code, unlisted + why);
        };
        let deleted: boolean;
        try {
          deleted = await keychain.deleteSecret(privateKeyAccount(keyId));
        } catch (error) {
          const e = error instanceof QkmsError ? error : new QkmsError('KMSInternalException', 'keychain error');
          // A timed-out delete may still land: its entry stays ours until this process ends.
          if (e.code === 'DependencyTimeoutException') throw new QkmsError(e.code, unlisted + e.message);
          throw await giveUp(e.code, e.message);
        }
        if (!deleted) {
          // false: no such item (fine) — or a locked keyring that silently refused.
          const status = await keychain.status();
          if (status.state !== 'READY') throw await giveUp('KeyUnavailableException', status.message);
        }
        removeEntry(doc, entry);
        await tx.write(doc);
      });
    },

    keychainStatus(): Promise<KeychainStatus> {
      return keychain.status();
    },
  };

  /** A listed key's item read as null: a locked or unreachable keychain, a concurrent destroy, or a real loss. */
  async function explainMissing(keyId: string): Promise<string> {
    const status = await keychain.status();
    if (status.state !== 'READY') throw new QkmsError('KeyUnavailableException', status.message);
    if (!(await index.read()).keys[keyId]) throw new QkmsError('NotFoundException', `key ${keyId} does not exist`);
    const secret = await keychain.getSecret(privateKeyAccount(keyId)); // it may have been unlocked meanwhile
    if (secret !== null) return secret;
    throw new QkmsError(
      'KeyUnavailableException',
      `the private key of key ${keyId} is missing from ${keychain.description} (account ${privateKeyAccount(keyId)}): ` +
        'it was deleted outside QKMS or the keyring was replaced; the key cannot be used',
    );
  }
}

/** A record the index would refuse is refused before its private key reaches the keychain. */
function refuseMalformed(operation: string, next: StoredIndexDocument): void {
  const why = indexProblem(next);
  if (why) throw new QkmsError('KMSInternalException', `${operation} refused a record the index cannot hold: ${why}`);
}

function decodePrivateKey(keyId: string, secret: string): Uint8Array {
  const bytes = Buffer.from(secret, 'base64');
  // Never log the secret; it is key material. The message says what is wrong, not what is there.
  if (bytes.length === 0 || bytes.toString('base64') !== secret) {
    throw new QkmsError('KMSInternalException', `the keychain item of key ${keyId} is not a base64 private key`);
  }
  return new Uint8Array(bytes);
}
