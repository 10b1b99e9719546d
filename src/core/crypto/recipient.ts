// RecipientInfo: DeriveSharedSecret can return the secret encrypted for a recipient instead of in the
// clear. QKMS is offline, so the recipient is named by a plain RSA public key (DER SPKI, 2048–4096 bits)
// and the secret is wrapped with RSAES-OAEP-SHA-256 (MGF1-SHA-256), the scheme AWS KMS uses for
// CiphertextForRecipient. RSA is the user's chosen recipient, not a peer ECDH key, so node:crypto is
// fine here; the SPKI's outer shape is still checked by bytes first so errors can say what it is.
import { constants, createPublicKey, publicEncrypt, type KeyObject } from 'node:crypto';
import { QkmsError } from '../../shared/errors';
import { readPemBlocks } from '../../shared/public-key-text';
import { DerError, TAG, decodeOid, readChildren, readSingle } from './der';
import { OID, OTHER_ALGORITHM_NAMES } from './oids';

export const RECIPIENT_RSA_MIN_BITS = 2048;
export const RECIPIENT_RSA_MAX_BITS = 4096;

const invalid = (message: string): QkmsError => new QkmsError('ValidationException', message);

/**
 * An AWS Nitro attestation document is a COSE_Sign1 structure in CBOR: an array of 4 (0x84), possibly
 * behind CBOR tag 18 (0xD2) or the self-describe tag 55799 (0xD9 0xD9 0xF7).
 */
function looksLikeCose(bytes: Uint8Array): boolean {
  const [a, b, c] = bytes;
  return a === 0x84 || a === 0xd2 || (a === 0xd9 && b === 0xd9 && c === 0xf7);
}

/** PEM "PUBLIC KEY" text is accepted as a convenience; anything else must be DER. */
function toDer(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0x2d /* '-' */) return bytes;
  try {
    const blocks = readPemBlocks(new TextDecoder().decode(bytes));
    if (blocks.length === 1 && blocks[0]!.label === 'PUBLIC KEY') return blocks[0]!.der;
  } catch {
    // fall through to the message below
  }
  throw invalid(
    'RecipientInfo is PEM text but not a single "PUBLIC KEY" block; pass the RSA public key as DER SubjectPublicKeyInfo.',
  );
}

/** Checks the outer SPKI shape and that the algorithm is rsaEncryption, naming what it is otherwise. */
function assertRsaSpki(der: Uint8Array): void {
  let alg: string;
  try {
    const [algorithm, key, ...extra] = readChildren(readSingle(der));
    const [oid] = algorithm?.tag === TAG.SEQUENCE ? readChildren(algorithm) : [];
    if (!oid || oid.tag !== TAG.OID || key?.tag !== TAG.BIT_STRING || extra.length > 0) {
      throw new DerError('content', 'not a SubjectPublicKeyInfo');
    }
    alg = decodeOid(oid.content);
  } catch (e) {
    if (!(e instanceof DerError)) throw e;
    throw invalid(
      `RecipientInfo is not a DER SubjectPublicKeyInfo (${e.message}); pass the recipient's RSA public key as DER SPKI.`,
    );
  }
  if (alg === OID.ecPublicKey)
    throw invalid('RecipientInfo is an EC public key; it must be an RSA public key (2048–4096 bits).');
  if (alg !== OID.rsaEncryption) {
    const what = OTHER_ALGORITHM_NAMES[alg] ? `${OTHER_ALGORITHM_NAMES[alg]} key` : `a key with algorithm OID ${alg}`;
    throw invalid(`RecipientInfo is ${what}; it must be an RSA (rsaEncryption) public key, 2048–4096 bits.`);
  }
}

/** The recipient's RSA key, checked for size; throws UnsupportedOperation/Validation exceptions. */
export function readRecipientKey(recipientInfo: Uint8Array): KeyObject {
  if (recipientInfo.length === 0) throw invalid('RecipientInfo is empty.');
  if (looksLikeCose(recipientInfo)) {
    throw new QkmsError(
      'UnsupportedOperationException',
      'RecipientInfo looks like an attestation document (CBOR/COSE_Sign1); QKMS works offline and cannot verify attestation documents. Pass the recipient RSA public key as DER SubjectPublicKeyInfo instead.',
    );
  }
  const der = toDer(recipientInfo);
  assertRsaSpki(der);
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
  } catch {
    throw invalid('RecipientInfo is not a valid RSA public key (the modulus or exponent is malformed).');
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < RECIPIENT_RSA_MIN_BITS || bits > RECIPIENT_RSA_MAX_BITS) {
    throw invalid(`RecipientInfo is a ${bits}-bit RSA key; the recipient key must be 2048 to 4096 bits.`);
  }
  return key;
}

/** CiphertextForRecipient = RSAES-OAEP(SHA-256, MGF1-SHA-256, no label) of the secret. */
export function encryptForRecipient(recipientInfo: Uint8Array, secret: Uint8Array): Uint8Array {
  const key = readRecipientKey(recipientInfo);
  const ciphertext = publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, secret);
  return new Uint8Array(ciphertext.buffer, ciphertext.byteOffset, ciphertext.byteLength);
}
