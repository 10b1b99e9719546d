// Importing the user's own private key: PKCS#8 PEM/DER from OpenSSL, and a specific ValidationException
// for every other thing a user might hand us.
import { execFileSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodePkcs8, readPkcs8PrivateKey } from '../../../src/core/crypto/private-key';
import { KEY_SPECS } from '../../../src/shared/key-spec';
import { derToPem } from '../../../src/shared/public-key-formats';
import { expectQkmsError, nodeEcKey, utf8 } from './helpers';

const reject = (bytes: Uint8Array, message: RegExp) =>
  expectQkmsError(() => readPkcs8PrivateKey(bytes), 'ValidationException', message);

describe.each(KEY_SPECS)('readPkcs8PrivateKey for %s', (keySpec) => {
  const key = nodeEcKey(keySpec);
  const pem = key.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  const der = new Uint8Array(key.privateKey.export({ format: 'der', type: 'pkcs8' }));

  it.each([
    ['PEM (LF)', utf8(pem)],
    ['PEM (CRLF)', utf8(pem.replace(/\n/g, '\r\n'))],
    ['DER', der],
    ['encodePkcs8 output', encodePkcs8(keySpec, key.scalar)],
  ])('%s', (_name, bytes) => {
    const read = readPkcs8PrivateKey(bytes);
    expect(read.keySpec).toBe(keySpec);
    expect(read.privateScalar).toEqual(key.scalar);
    expect(read.publicPoint).toEqual(key.point);
  });

  it('encodePkcs8 is read back by OpenSSL as the same key', () => {
    const ours = createPrivateKey({ key: Buffer.from(encodePkcs8(keySpec, key.scalar)), format: 'der', type: 'pkcs8' });
    expect(ours.export({ format: 'jwk' })).toEqual(key.privateKey.export({ format: 'jwk' }));
  });
});

describe('readPkcs8PrivateKey rejections', () => {
  const key = nodeEcKey('ECC_NIST_P256');

  it('encrypted PKCS#8, PEM and DER: decrypt it first', () => {
    const enc = { cipher: 'aes-256-cbc', passphrase: 'pw' } as const;
    reject(
      utf8(key.privateKey.export({ format: 'pem', type: 'pkcs8', ...enc }) as string),
      /encrypted PKCS#8 key; decrypt it first: openssl pkcs8/,
    );
    reject(
      new Uint8Array(key.privateKey.export({ format: 'der', type: 'pkcs8', ...enc })),
      /encrypted PKCS#8 key; decrypt it first: openssl pkcs8/,
    );
  });

  it('SEC1 EC PRIVATE KEY, PEM and DER: says how to convert', () => {
    reject(
      utf8(key.privateKey.export({ format: 'pem', type: 'sec1' }) as string),
      /SEC1 "EC PRIVATE KEY", not PKCS#8; convert it with: openssl pkcs8 -topk8 -nocrypt/,
    );
    reject(
      new Uint8Array(key.privateKey.export({ format: 'der', type: 'sec1' })),
      /SEC1 EC private key.*openssl pkcs8 -topk8 -nocrypt -inform DER/,
    );
    // openssl ecparam -genkey output: EC PARAMETERS + EC PRIVATE KEY
    const ecparam = execFileSync('openssl', ['ecparam', '-name', 'prime256v1', '-genkey'], { encoding: 'utf8' });
    reject(utf8(ecparam), /SEC1 "EC PRIVATE KEY"/);
  });

  it('RSA and Ed25519 keys', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    reject(utf8(rsa.export({ format: 'pem', type: 'pkcs8' }) as string), /an RSA key; QKMS keys are EC keys/);
    reject(utf8(rsa.export({ format: 'pem', type: 'pkcs1' }) as string), /RSA key/);
    reject(new Uint8Array(rsa.export({ format: 'der', type: 'pkcs1' })), /PKCS#1 RSA key/);
    const ed = generateKeyPairSync('ed25519').privateKey;
    reject(utf8(ed.export({ format: 'pem', type: 'pkcs8' }) as string), /an Ed25519 key/);
  });

  it('unsupported curves and explicit parameters', () => {
    const p224 = generateKeyPairSync('ec', { namedCurve: 'secp224r1' }).privateKey;
    reject(utf8(p224.export({ format: 'pem', type: 'pkcs8' }) as string), /unsupported curve: P-224 \(secp224r1\)/);
    const pem = key.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    const explicit = execFileSync('openssl', ['pkey', '-ec_param_enc', 'explicit'], { input: pem, encoding: 'utf8' });
    reject(utf8(explicit), /explicit curve parameters; re-export it with a named curve/);
  });

  it('public keys, garbage, truncation and corruption', () => {
    reject(
      utf8(key.publicKey.export({ format: 'pem', type: 'spki' }) as string),
      /holds a public key; ImportKey needs the private key/,
    );
    reject(key.spkiDer, /holds a public key/);
    reject(new Uint8Array(0), /empty/);
    reject(utf8('hello'), /neither DER .* nor PEM/);
    const der = new Uint8Array(key.privateKey.export({ format: 'der', type: 'pkcs8' }));
    reject(der.subarray(0, der.length - 5), /truncated/);
    reject(Uint8Array.from([...der, 0]), /trailing bytes/);
    // Flip a byte of the embedded public key: the file no longer agrees with itself.
    const corrupt = Uint8Array.from(der);
    corrupt[corrupt.length - 1]! ^= 1;
    reject(corrupt, /does not match its private key/);
    // A scalar of zero (and one equal to n) is out of range.
    const zeroed = encodePkcs8('ECC_NIST_P256', key.scalar);
    const at = indexOf(zeroed, key.scalar);
    zeroed.fill(0, at, at + 32);
    reject(zeroed, /not a valid P-256 key: its scalar must be in 1…n−1/);
    const n = Buffer.from('ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551', 'hex');
    zeroed.set(n, at);
    reject(zeroed, /not a valid P-256 key/);
  });

  it('a PEM with several key blocks', () => {
    const pem = key.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    reject(utf8(pem + pem), /2 key PEM blocks/);
    reject(utf8(derToPem(new Uint8Array(8), 'OPENSSH PRIVATE KEY')), /OpenSSH format/);
  });
});

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
