// The store a child process uses: the real keytar keychain under the test's service name.
import { createHash } from 'node:crypto';
import { createKeyStore } from '../../../../src/core/store/key-store';
import { KeytarKeychain } from '../../../../src/core/store/keytar-keychain';
import type { KeyRecord } from '../../../../src/core/store/types';

export function childStore(dataDir: string, service: string) {
  return createKeyStore({ dataDir, keychain: new KeytarKeychain({ service }) });
}

/** The private key the tests give a key: derived from its id, so a check can tell it was not swapped. */
export function privateKeyFor(keyId: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(keyId).digest());
}

/** A KeyId (a lowercase UUID, as the index requires) derived from a test's name for the key: kid('k1'). */
export function kid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A public key for a record (the store keeps it opaque; only its base64 shape is checked). */
export const CHILD_SPKI = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQc=';

export function childRecord(keyId: string, state: KeyRecord['state'] = 'Enabled'): KeyRecord {
  return {
    keyId,
    keySpec: 'ECC_NIST_P256',
    keyUsage: 'DERIVE_SHARED_SECRET',
    origin: state === 'PendingImport' ? 'EXTERNAL' : 'AWS_KMS',
    state,
    description: '',
    creationDate: Date.now(),
    ...(state === 'PendingImport' ? {} : { publicKeySpki: CHILD_SPKI }),
    tags: [],
  };
}
