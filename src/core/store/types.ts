// The shapes the key store keeps. Only non-secret metadata lives in the index; private keys live in the
// OS keychain, one item per key, under the account name `key/<KeyId>`.
import type { KeySpec, KeyState, KeyUsage } from '../../shared/key-spec';

export interface Tag {
  TagKey: string;
  TagValue: string;
}

export interface KeyRecord {
  keyId: string;
  keySpec: KeySpec;
  keyUsage: KeyUsage;
  origin: 'AWS_KMS' | 'EXTERNAL';
  state: KeyState;
  description: string;
  /** Epoch milliseconds. */
  creationDate: number;
  /** Epoch milliseconds; set while state is PendingDeletion. */
  deletionDate?: number;
  /** The waiting period chosen when deletion was scheduled. */
  pendingWindowInDays?: number;
  /** Base64 DER SubjectPublicKeyInfo (uncompressed point); absent while PendingImport. */
  publicKeySpki?: string;
  tags: Tag[];
}

export interface AliasRecord {
  aliasName: string;
  targetKeyId: string;
  creationDate: number;
  lastUpdatedDate: number;
}

/** The whole index document, as one atomic unit of reading and writing. */
export interface IndexDocument {
  version: 1;
  keys: Record<string, KeyRecord>;
  aliases: Record<string, AliasRecord>;
}

export type KeychainState = 'READY' | 'LOCKED' | 'UNAVAILABLE';

export interface KeychainStatus {
  state: KeychainState;
  /** What is wrong and what to do about it; empty when READY. */
  message: string;
}

/**
 * The key store the service uses. Implementations keep the index and the keychain consistent across
 * crashes: a listed key always has its private key, and a listed key's private key is never lost.
 */
export interface KeyStore {
  /** A consistent snapshot of the index; never touches the keychain. */
  read(): Promise<IndexDocument>;
  /** Read-modify-write under the cross-process lock; the mutator may throw to abort without writing. */
  update<T>(mutate: (doc: IndexDocument) => T): Promise<T>;
  /** Stores the private key in the keychain, then lists the record (atomically, crash-safe). */
  createKey(record: KeyRecord, privateKey: Uint8Array): Promise<void>;
  /** Gives a PendingImport record its private key and the listed state/public key (crash-safe). */
  attachPrivateKey(keyId: string, privateKey: Uint8Array, complete: (record: KeyRecord) => void): Promise<void>;
  /** The private scalar of a listed key. Throws KeyUnavailableException/DependencyTimeoutException, never returns null. */
  getPrivateKey(keyId: string): Promise<Uint8Array>;
  /** Unlists the key and its aliases, then deletes its private key (crash-safe). */
  destroyKey(keyId: string): Promise<void>;
  keychainStatus(): Promise<KeychainStatus>;
}

/**
 * A keychain change that was started but whose index commit may not have happened (a journal entry).
 * It is written to the index before the keychain is touched, so a crash between the two steps leaves a
 * record of what to finish or undo, and orphan keychain items never accumulate unseen.
 */
export interface PendingKeychainOp {
  /** create/attach: a private key is being stored; delete: an unlisted key's private key is being removed. */
  op: 'create' | 'attach' | 'delete';
  keyId: string;
  /** The process doing the change; 0 once it gave up, so the next writer may finish it at once. */
  ownerPid: number;
  /** Random id of the owner process's lifetime, so a reused pid is not mistaken for the owner. */
  ownerRun: string;
  /** Epoch milliseconds when the entry was written (for diagnosis). */
  startedAt: number;
}

/** The index document as stored: IndexDocument plus the journal of unfinished keychain changes. */
export interface StoredIndexDocument extends IndexDocument {
  pending?: PendingKeychainOp[];
}
