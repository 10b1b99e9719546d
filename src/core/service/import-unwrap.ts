// Unwrapping of AWS's wrapped import: the EncryptedKeyMaterial of ImportKeyMaterial, decrypted with
// the RSA wrapping private key that GetParametersForImport generated, per WrappingAlgorithm:
//   RSAES_OAEP_SHA_1 / RSAES_OAEP_SHA_256: RSA-OAEP (MGF1 with the same hash) over the key material;
//   RSA_AES_KEY_WRAP_SHA_1 / _256: RSA-OAEP(ephemeral AES-256 key) || AES-KWP(key material) (RFC 5649),
//   the RSA part being exactly the modulus length.
// All from node:crypto (OpenSSL); every failure is one InvalidCiphertextException that quotes no bytes.
import { createDecipheriv, constants, privateDecrypt, type KeyObject } from 'node:crypto';
import { QkmsError } from '../../shared/errors';
import type { WrappingAlgorithm } from './import-tokens';

/** RFC 5649 §3: the alternative initial value of AES key wrap with padding. */
const KWP_AIV = Buffer.from('a65959a6', 'hex');
const AES_256_KEY_BYTES = 32;

const OAEP_HASH: Record<WrappingAlgorithm, 'sha1' | 'sha256'> = {
  RSAES_OAEP_SHA_1: 'sha1',
  RSAES_OAEP_SHA_256: 'sha256',
  RSA_AES_KEY_WRAP_SHA_1: 'sha1',
  RSA_AES_KEY_WRAP_SHA_256: 'sha256',
};

const undecryptable = (why: string): QkmsError =>
  new QkmsError('InvalidCiphertextException', `The EncryptedKeyMaterial could not be decrypted: ${why}`);

function oaepDecrypt(wrappingKey: KeyObject, algorithm: WrappingAlgorithm, ciphertext: Buffer): Buffer {
  try {
    return privateDecrypt(
      { key: wrappingKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: OAEP_HASH[algorithm] },
      ciphertext,
    );
  } catch {
    // OpenSSL's message says nothing useful to the caller, and an oracle should learn nothing more.
    throw undecryptable(
      `RSA-OAEP with ${OAEP_HASH[algorithm].toUpperCase()} failed; was it encrypted to this token's public key with ${algorithm}?`,
    );
  }
}

function aesKwpUnwrap(aesKey: Buffer, wrapped: Buffer): Buffer {
  try {
    const decipher = createDecipheriv('id-aes256-wrap-pad', aesKey, KWP_AIV);
    return Buffer.concat([decipher.update(wrapped), decipher.final()]);
  } catch {
    throw undecryptable('the AES key wrap with padding (RFC 5649) part does not unwrap with the RSA-encrypted AES key');
  }
}

/** The plaintext key material. Key material: the caller zeroes it when done and never logs it. */
export function unwrapKeyMaterial(wrappingKey: KeyObject, algorithm: WrappingAlgorithm, encrypted: Buffer): Buffer {
  const modulusBytes = Math.ceil((wrappingKey.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
  if (algorithm === 'RSAES_OAEP_SHA_1' || algorithm === 'RSAES_OAEP_SHA_256') {
    if (encrypted.length !== modulusBytes) {
      throw undecryptable(
        `${algorithm} ciphertext must be ${modulusBytes} bytes (the wrapping key's modulus), got ${encrypted.length}`,
      );
    }
    return oaepDecrypt(wrappingKey, algorithm, encrypted);
  }
  // RFC 5649 output is at least 16 bytes and a multiple of 8.
  const wrappedLength = encrypted.length - modulusBytes;
  if (wrappedLength < 16 || wrappedLength % 8 !== 0) {
    throw undecryptable(
      `${algorithm} material must be ${modulusBytes} bytes of RSA-OAEP-encrypted AES key followed by an AES-KWP block (16+ bytes, a multiple of 8); got ${encrypted.length} bytes in all`,
    );
  }
  const aesKey = oaepDecrypt(wrappingKey, algorithm, encrypted.subarray(0, modulusBytes));
  try {
    if (aesKey.length !== AES_256_KEY_BYTES) {
      throw undecryptable(
        `the RSA-encrypted AES key must be ${AES_256_KEY_BYTES} bytes (AES-256), got ${aesKey.length}`,
      );
    }
    return aesKwpUnwrap(aesKey, encrypted.subarray(modulusBytes));
  } finally {
    aesKey.fill(0);
  }
}
