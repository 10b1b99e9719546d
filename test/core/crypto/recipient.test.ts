// RecipientInfo: RSAES-OAEP-SHA-256 to an RSA SPKI, decrypted back with node:crypto; every refusal named.
import { constants, generateKeyPairSync, privateDecrypt, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encryptForRecipient } from '../../../src/core/crypto/recipient';
import { expectQkmsError, nodeEcKey, utf8 } from './helpers';

const rsa = (bits: number) => generateKeyPairSync('rsa', { modulusLength: bits });
const spki = (k: ReturnType<typeof rsa>) => new Uint8Array(k.publicKey.export({ format: 'der', type: 'spki' }));
const reject = (info: Uint8Array, code: 'ValidationException' | 'UnsupportedOperationException', message: RegExp) =>
  expectQkmsError(() => encryptForRecipient(info, new Uint8Array(32)), code, message);

describe('encryptForRecipient', () => {
  it.each([2048, 3072, 4096])('RSA-%i: the recipient decrypts the secret with OAEP SHA-256', (bits) => {
    const pair = rsa(bits);
    const secret = new Uint8Array(randomBytes(66));
    const ciphertext = encryptForRecipient(spki(pair), secret);
    expect(ciphertext.length).toBe(bits / 8);
    const plain = privateDecrypt(
      { key: pair.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      ciphertext,
    );
    expect(new Uint8Array(plain)).toEqual(secret);
    // and it is not SHA-1 OAEP
    expect(() =>
      privateDecrypt({ key: pair.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, ciphertext),
    ).toThrow();
  });

  it('accepts the SPKI as PEM text too', () => {
    const pair = rsa(2048);
    const ct = encryptForRecipient(
      utf8(pair.publicKey.export({ format: 'pem', type: 'spki' }) as string),
      Uint8Array.of(1, 2, 3),
    );
    expect(privateDecrypt({ key: pair.privateKey, oaepHash: 'sha256' }, ct)).toEqual(Buffer.from([1, 2, 3]));
  });

  it('an attestation document (COSE_Sign1 / CBOR) is an UnsupportedOperationException', () => {
    for (const head of [
      [0xd2, 0x84, 0x44],
      [0x84, 0x44, 0xa1],
      [0xd9, 0xd9, 0xf7, 0x84],
    ]) {
      reject(
        Uint8Array.from([...head, ...new Uint8Array(40)]),
        'UnsupportedOperationException',
        /attestation document.*cannot verify.*RSA public key as DER SubjectPublicKeyInfo/,
      );
    }
  });

  it('RSA sizes outside 2048–4096 name the size', () => {
    reject(spki(rsa(1024)), 'ValidationException', /1024-bit RSA key; the recipient key must be 2048 to 4096 bits/);
    reject(spki(rsa(4160)), 'ValidationException', /4160-bit RSA key/);
  });

  it('not an RSA SPKI', () => {
    reject(
      nodeEcKey('ECC_NIST_P256').spkiDer,
      'ValidationException',
      /RecipientInfo is an EC public key; it must be an RSA public key/,
    );
    reject(
      new Uint8Array(generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' })),
      'ValidationException',
      /an Ed25519 key; it must be an RSA/,
    );
    reject(
      new Uint8Array(rsa(2048).publicKey.export({ format: 'der', type: 'pkcs1' })),
      'ValidationException',
      /not a DER SubjectPublicKeyInfo/,
    );
    reject(utf8('hello world'), 'ValidationException', /not a DER SubjectPublicKeyInfo/);
    reject(new Uint8Array(0), 'ValidationException', /empty/);
  });
});
