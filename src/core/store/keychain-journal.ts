// The journal of keychain changes that were started but maybe not committed to the index (the
// `pending` list of the index). Every keychain write is journalled in the index first; the entry is
// removed in the same index write that commits the change. An entry whose owner died is settled by
// the next writer, from the index alone — the keychain is never enumerated (~5 ms per item).
import type { Keychain } from './keychain';
import { privateKeyAccount } from './keychain';
import { isProcessAlive, PROCESS_RUN_ID } from './process-alive';
import type { PendingKeychainOp, StoredIndexDocument } from './types';
import { hasKeyMaterial } from './update-guard';

export function journalEntry(op: PendingKeychainOp['op'], keyId: string): PendingKeychainOp {
  return { op, keyId, ownerPid: process.pid, ownerRun: PROCESS_RUN_ID, startedAt: Date.now() };
}

export function removeEntry(doc: StoredIndexDocument, entry: PendingKeychainOp): void {
  doc.pending = (doc.pending ?? []).filter((e) => e !== entry && !sameEntry(e, entry));
}

function sameEntry(a: PendingKeychainOp, b: PendingKeychainOp): boolean {
  return a.op === b.op && a.keyId === b.keyId && a.ownerRun === b.ownerRun && a.startedAt === b.startedAt;
}

/**
 * Whether nobody is still working on an entry. A live owner may still have a keychain call in flight
 * (a timed-out native call cannot be cancelled and may yet land), so its entries are left alone.
 */
export function isAbandoned(entry: PendingKeychainOp): boolean {
  if (entry.ownerPid === 0) return true;
  if (entry.ownerPid === process.pid) return entry.ownerRun !== PROCESS_RUN_ID;
  return !isProcessAlive(entry.ownerPid);
}

/**
 * Finishes or undoes abandoned entries: the keychain item of a key that is not listed (a create or
 * delete interrupted), or of a key without key material (an attach interrupted), is deleted. The item
 * of a listed, usable key is never deleted. Returns true when `doc.pending` changed. Keychain trouble
 * leaves the entries for a later writer; it never fails the caller's own operation.
 */
export async function settleAbandoned(doc: StoredIndexDocument, keychain: Keychain): Promise<boolean> {
  const abandoned = (doc.pending ?? []).filter(isAbandoned);
  if (abandoned.length === 0) return false;
  const settled = new Set<PendingKeychainOp>();
  const marked = new Set<PendingKeychainOp>();
  let keychainReady: boolean | undefined;
  for (const entry of abandoned) {
    const record = doc.keys[entry.keyId];
    // A listed key without key material (PendingImport, or scheduled for deletion before its import) owns
    // no keychain item: the item of its interrupted attach is an orphan.
    const itemBelongsToListedKey = record !== undefined && hasKeyMaterial(record);
    if (itemBelongsToListedKey) {
      settled.add(entry); // committed, or the key is listed again: its private key must stay
      continue;
    }
    try {
      const deleted = await keychain.deleteSecret(privateKeyAccount(entry.keyId));
      // false means "no such item" — or a locked keyring; only a probe tells, and one per pass is enough.
      keychainReady ??= deleted || (await keychain.status()).state === 'READY';
      if (deleted || keychainReady) settled.add(entry);
      else marked.add(entry);
    } catch {
      marked.add(entry);
      break; // unavailable or hung: do not make every later write wait on it too
    }
  }
  doc.pending = (doc.pending ?? [])
    .filter((e) => !settled.has(e))
    .map((e) => (marked.has(e) && e.ownerPid !== 0 ? { ...e, ownerPid: 0 } : e));
  return settled.size > 0 || [...marked].some((e) => e.ownerPid !== 0);
}
