// Each way a peer public key can be wrong: the code is InvalidPublicKeyException and the message names
// the exact problem.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeBitString, encodeOid, encodeSequence, encodeSmallInteger } from '../../../src/core/crypto/der';
import { OID } from '../../../src/core/crypto/oids';
import { readPublicKeyBytes } from '../../../src/core/crypto/public-key-intake';
import { encodeEcSpki, parseEcSpki } from '../../../src/core/crypto/spki';
import { CURVES } from '../../../src/shared/key-spec';
import { hexToBytes } from '../../../src/shared/public-key-text';
import { expectQkmsError, nodeEcKey } from './helpers';

const P256 = 'ECC_NIST_P256' as const;
const reject = (bytes: Uint8Array, message: RegExp, expected: typeof P256 | undefined = P256) =>
  expectQkmsError(() => readPublicKeyBytes(bytes, expected), 'InvalidPublicKeyException', message);

const key = nodeEcKey(P256);
const spkiWithPoint = (point: Uint8Array) =>
  encodeSequence(
    encodeSequence(encodeOid(OID.ecPublicKey), encodeOid(CURVES.ECC_NIST_P256.oid)),
    encodeBitString(point),
  );
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const be32 = (v: bigint) => hexToBytes(v.toString(16).padStart(64, '0'));

describe('SPKI rejections', () => {
  it('accepts the well-formed key (baseline)', () => {
    const intake = readPublicKeyBytes(key.spkiDer, P256);
    expect(intake).toMatchObject({ keySpec: P256, format: 'DER_SPKI', compressed: false });
    expect(intake.point).toEqual(key.point);
    expect(intake.spki).toEqual(key.spkiDer);
  });

  it('not DER at all', () => {
    expectQkmsError(
      () => parseEcSpki(Uint8Array.of(0x31, 0x00)),
      'InvalidPublicKeyException',
      /not DER SubjectPublicKeyInfo.*0x31/,
    );
    reject(Uint8Array.of(0xff, 0x10, 0x20), /not a recognised form.*0xff/);
    reject(Uint8Array.of(0x30, 0x80, 0x30, 0x00, 0x00, 0x00), /not valid DER.*indefinite length/);
  });

  it('truncated DER says truncated', () => {
    reject(key.spkiDer.subarray(0, key.spkiDer.length - 10), /truncated.*DER length exceeds the data/);
    reject(key.spkiDer.subarray(0, 1), /truncated/);
  });

  it('trailing bytes', () => {
    reject(
      Uint8Array.from([...key.spkiDer, 0x00, 0x00]),
      /trailing bytes after its SubjectPublicKeyInfo: 2 byte\(s\) follow/,
    );
  });

  it('not an SPKI, naming look-alikes', () => {
    reject(encodeSequence(encodeSmallInteger(1)), /not a SubjectPublicKeyInfo/);
    const pkcs8 = new Uint8Array(key.privateKey.export({ format: 'der', type: 'pkcs8' }));
    reject(pkcs8, /PKCS#8 private key; paste the public key only/);
  });

  it('an RSA key', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    reject(
      new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })),
      /an RSA key.*needs an EC public key on P-256/,
    );
    reject(new Uint8Array(publicKey.export({ format: 'der', type: 'pkcs1' })), /PKCS#1 RSA public key/);
  });

  it('Ed25519 and X25519 keys', () => {
    for (const [type, name] of [
      ['ed25519', 'Ed25519'],
      ['x25519', 'X25519'],
    ] as const) {
      const { publicKey } = generateKeyPairSync(type as 'ed25519');
      reject(new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })), new RegExp(`an ${name} key`));
    }
  });

  it('explicit curve parameters (from OpenSSL), and implicitlyCA', () => {
    const pem = key.publicKey.export({ format: 'pem', type: 'spki' }) as string;
    const explicit = execFileSync('openssl', ['ec', '-pubin', '-param_enc', 'explicit', '-pubout', '-outform', 'DER'], {
      input: pem,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    reject(new Uint8Array(explicit), /explicit curve parameters.*named-curve OID/);
    const implicit = encodeSequence(
      encodeSequence(encodeOid(OID.ecPublicKey), Uint8Array.of(0x05, 0x00)),
      encodeBitString(key.point),
    );
    reject(implicit, /implicitlyCA/);
  });

  it('unknown curve OIDs, named when we know them', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'brainpoolP256r1' });
    reject(
      new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })),
      /unsupported curve: brainpoolP256r1 \(OID 1\.3\.36\.3\.3\.2\.8\.1\.1\.7\)/,
    );
    const odd = encodeSequence(
      encodeSequence(encodeOid(OID.ecPublicKey), encodeOid('1.2.3.4.5')),
      encodeBitString(key.point),
    );
    reject(odd, /unsupported curve: OID 1\.2\.3\.4\.5/);
  });

  it('another curve than the key has, naming both curves', () => {
    reject(nodeEcKey('ECC_NIST_P384').spkiDer, /peer curve \(P-384\) does not match the key's curve \(P-256\)/);
    reject(nodeEcKey('ECC_SECG_P256K1').spkiDer, /peer curve \(secp256k1\) does not match the key's curve \(P-256\)/);
    // Without an expected curve the same key is fine.
    expect(readPublicKeyBytes(nodeEcKey('ECC_NIST_P384').spkiDer).keySpec).toBe('ECC_NIST_P384');
  });

  it('hybrid 0x06/0x07 points', () => {
    for (const prefix of [6, 7])
      reject(
        spkiWithPoint(Uint8Array.from([prefix, ...key.point.subarray(1)])),
        new RegExp(`hybrid point encoding \\(0x0${prefix}\\)`),
      );
  });

  it('the point at infinity', () => {
    reject(spkiWithPoint(Uint8Array.of(0)), /point at infinity/);
    reject(Uint8Array.of(0), /point at infinity/);
  });

  it('a coordinate >= p', () => {
    reject(
      spkiWithPoint(Uint8Array.from([4, ...be32(P), ...key.point.subarray(33)])),
      /x-coordinate is not a P-256 field element \(coordinate ≥ p\)/,
    );
    reject(
      spkiWithPoint(Uint8Array.from([4, ...key.point.subarray(1, 33), ...be32(P + 1n)])),
      /y-coordinate .*coordinate ≥ p/,
    );
    reject(spkiWithPoint(Uint8Array.from([2, ...be32(P)])), /coordinate ≥ p/);
  });

  it('a point not on the curve (uncompressed and compressed)', () => {
    const bad = Uint8Array.from(key.point);
    bad[64]! ^= 1;
    reject(spkiWithPoint(bad), /not on the curve P-256/);
    // The smallest x for which x³ - 3x + b has no square root mod p: no point has that x.
    let x = 1n;
    for (; ; x++) {
      try {
        readPublicKeyBytes(Uint8Array.from([2, ...be32(x)]), P256);
      } catch {
        break;
      }
    }
    reject(
      spkiWithPoint(Uint8Array.from([2, ...be32(x)])),
      /not on the curve P-256: no point of the curve has this x-coordinate/,
    );
  });

  it('a wrong point length', () => {
    reject(spkiWithPoint(key.point.subarray(0, 64)), /wrong point length.*65 bytes, this one is 64/);
    reject(
      spkiWithPoint(Uint8Array.from([2, ...key.point.subarray(1)])),
      /wrong point length.*33 bytes, this one is 65/,
    );
    reject(spkiWithPoint(new Uint8Array(0)), /point is empty/);
  });

  it('a BIT STRING with unused bits', () => {
    const der = Uint8Array.from(key.spkiDer);
    der[der.length - 66] = 1; // the unused-bits byte
    reject(der, /BIT STRING.*unused bit/);
  });

  it('encodeEcSpki refuses a compressed point', () => {
    expect(() => encodeEcSpki(P256, Uint8Array.from([2, ...key.point.subarray(1, 33)]))).toThrow(RangeError);
  });
});
