// What the keychain item of a key holds: the private scalar bound to the key's curve and to a hash of its
// public key. The index (a plain file) says which curve a key is on and which public key it has; if it
// were altered or corrupted, deriving would apply the scalar to the wrong curve or export a public key
// that is not the key's. Binding them makes every use check the index against the keychain, for the cost
// of one SHA-256 — no extra point multiplication.
//
// Layout: version (1) ‖ key-spec index (1) ‖ SHA-256 of the DER SPKI (32) ‖ scalar (field length).
import { createHash } from 'node:crypto';
import { QkmsError } from '../../shared/errors';
import { CURVES, KEY_SPECS, type KeySpec } from '../../shared/key-spec';
import type { KeyRecord, KeyStore } from '../store/types';

const VERSION = 1;
const HEADER = 2 + 32;

const spkiDigest = (publicKeySpkiBase64: string): Buffer =>
  createHash('sha256').update(Buffer.from(publicKeySpkiBase64, 'base64')).digest();

/** The keychain bytes for a key's private scalar. The caller zeroes both the scalar and the result. */
export function sealPrivateKey(keySpec: KeySpec, publicKeySpkiBase64: string, privateScalar: Uint8Array): Uint8Array {
  const sealed = new Uint8Array(HEADER + privateScalar.length);
  sealed[0] = VERSION;
  sealed[1] = KEY_SPECS.indexOf(keySpec);
  sealed.set(spkiDigest(publicKeySpkiBase64), 2);
  sealed.set(privateScalar, HEADER);
  return sealed;
}

function mismatch(record: KeyRecord, what: string): QkmsError {
  return new QkmsError(
    'KMSInternalException',
    `The key index entry of key ${record.keyId} does not match its private key in the keychain (${what}); ` +
      'the index file may have been altered or damaged. The key is not used until this is resolved.',
  );
}

/** The private scalar, after checking that the keychain item belongs to this record's curve and public key. */
export function openSealedKey(record: KeyRecord, sealed: Uint8Array): Uint8Array {
  if (sealed.length < HEADER || sealed[0] !== VERSION)
    throw mismatch(record, 'the keychain item is not in the QKMS format');
  const sealedSpec = KEY_SPECS[sealed[1] ?? -1];
  if (sealedSpec !== record.keySpec)
    throw mismatch(
      record,
      `the keychain holds a key for ${sealedSpec ?? 'an unknown key spec'}, the index says ${record.keySpec}`,
    );
  if (sealed.length !== HEADER + CURVES[record.keySpec].fieldBytes)
    throw mismatch(record, 'the private key has the wrong length');
  if (record.publicKeySpki === undefined || !spkiDigest(record.publicKeySpki).equals(sealed.subarray(2, HEADER))) {
    throw mismatch(record, 'the public key differs');
  }
  return sealed.slice(HEADER);
}

/** The checked private scalar of a listed key, from the keychain. The caller zeroes it after use. */
export async function loadPrivateKey(store: KeyStore, record: KeyRecord): Promise<Uint8Array> {
  const sealed = await store.getPrivateKey(record.keyId);
  try {
    return openSealedKey(record, sealed);
  } finally {
    sealed.fill(0);
  }
}
