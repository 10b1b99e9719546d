// No error message may carry private-key bytes. We feed private keys (and broken variants of them) to
// every entry point — as if a user pasted the wrong file — and search each message for the scalar in
// hex, base64 and base64url, whole or as any 6-byte window.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveRawSecret } from '../../../src/core/crypto/ecdh';
import { encodePkcs8, readPkcs8PrivateKey } from '../../../src/core/crypto/private-key';
import { readPublicKeyBytes } from '../../../src/core/crypto/public-key-intake';
import { encryptForRecipient } from '../../../src/core/crypto/recipient';
import { QkmsError } from '../../../src/shared/errors';
import { KEY_SPECS } from '../../../src/shared/key-spec';
import { derToPem } from '../../../src/shared/public-key-formats';
import { bytesToBase64, bytesToBase64Url, bytesToHex, decodePublicKeyText } from '../../../src/shared/public-key-text';
import { nodeEcKey, utf8 } from './helpers';

function fingerprints(secret: Uint8Array): string[] {
  const out = [bytesToHex(secret), bytesToBase64(secret), bytesToBase64Url(secret)];
  for (let i = 0; i + 6 <= secret.length; i++) {
    const w = secret.subarray(i, i + 6);
    out.push(bytesToHex(w), bytesToBase64(w).slice(0, 8), bytesToBase64Url(w).slice(0, 8));
  }
  return out;
}

function messageOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    expect(e, 'only QkmsError values may escape').toBeInstanceOf(QkmsError);
    return (e as QkmsError).message;
  }
}

describe.each(KEY_SPECS)('no private-key bytes in error messages (%s)', (keySpec) => {
  const key = nodeEcKey(keySpec);
  const pkcs8 = encodePkcs8(keySpec, key.scalar);
  const pkcs8Pem = derToPem(pkcs8, 'PRIVATE KEY');
  const privateJwk = JSON.stringify(key.privateKey.export({ format: 'jwk' }));
  const other = KEY_SPECS.find((s) => s !== keySpec)!;

  const attempts: [string, () => unknown][] = [
    ['PKCS#8 DER as a public key', () => readPublicKeyBytes(pkcs8, keySpec)],
    ['PKCS#8 PEM as a public key', () => readPublicKeyBytes(utf8(pkcs8Pem), keySpec)],
    ['PKCS#8 PEM as public-key text', () => decodePublicKeyText(pkcs8Pem)],
    [
      'SEC1 PEM as public-key text',
      () => decodePublicKeyText(key.privateKey.export({ format: 'pem', type: 'sec1' }) as string),
    ],
    ['private JWK as a public key', () => readPublicKeyBytes(utf8(privateJwk), keySpec)],
    ['private JWK of another curve', () => readPublicKeyBytes(utf8(privateJwk), other)],
    ['raw scalar as a public key', () => readPublicKeyBytes(key.scalar, keySpec)],
    ['hex of the scalar, encoded twice', () => readPublicKeyBytes(utf8(bytesToHex(key.scalar)), keySpec)],
    ['base64 of PKCS#8, encoded twice', () => readPublicKeyBytes(utf8(bytesToBase64(pkcs8)), keySpec)],
    ['scalar as a point', () => readPublicKeyBytes(Uint8Array.from([4, ...key.scalar, ...key.scalar]), keySpec)],
    ['truncated PKCS#8', () => readPkcs8PrivateKey(pkcs8.subarray(0, pkcs8.length - 3))],
    ['PKCS#8 with trailing bytes', () => readPkcs8PrivateKey(Uint8Array.from([...pkcs8, 1, 2]))],
    [
      'PKCS#8 with a damaged public key',
      () => readPkcs8PrivateKey(Uint8Array.from(pkcs8).map((b, i, a) => (i === a.length - 1 ? b ^ 1 : b))),
    ],
    [
      'SEC1 DER private key',
      () => readPkcs8PrivateKey(new Uint8Array(key.privateKey.export({ format: 'der', type: 'sec1' }))),
    ],
    [
      'encrypted PKCS#8',
      () =>
        readPkcs8PrivateKey(
          utf8(
            key.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-128-cbc', passphrase: 'x' }) as string,
          ),
        ),
    ],
    ['PKCS#8 as RecipientInfo', () => encryptForRecipient(pkcs8, new Uint8Array(32))],
    ['derive with an out-of-range scalar', () => deriveRawSecret(keySpec, new Uint8Array(80).fill(0xff), key.point)],
    [
      'derive with a bad peer',
      () => deriveRawSecret(keySpec, key.scalar, Uint8Array.from([4, ...key.scalar, ...key.scalar])),
    ],
  ];

  it.each(attempts)('%s', (_name, attempt) => {
    const message = messageOf(attempt);
    expect(message, 'the attempt must be refused').toBeDefined();
    for (const print of fingerprints(key.scalar))
      expect(message!.includes(print), `message leaks key bytes: ${message}`).toBe(false);
  });

  it('an RSA private key given as RecipientInfo leaks nothing either', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const der = new Uint8Array(rsa.export({ format: 'der', type: 'pkcs8' }));
    const message = messageOf(() => encryptForRecipient(der, new Uint8Array(32)))!;
    expect(message).not.toMatch(/[0-9a-f]{16}/i);
  });
});
