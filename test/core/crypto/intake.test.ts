// The public-key intake accepts every documented form and normalises it to the same DER SPKI; raw
// points, JWKs and double-encoded blobs get their own specific rejections.
import { describe, expect, it } from 'vitest';
import { readPublicKeyBytes } from '../../../src/core/crypto/public-key-intake';
import { CURVES, KEY_SPECS, type KeySpec } from '../../../src/shared/key-spec';
import { bytesToBase64, bytesToBase64Url, bytesToHex } from '../../../src/shared/public-key-text';
import { encodeBitString, encodeOid, encodeSequence } from '../../../src/core/crypto/der';
import { OID } from '../../../src/core/crypto/oids';
import { expectQkmsError, nodeEcKey, utf8 } from './helpers';

const keys = Object.fromEntries(KEY_SPECS.map((s) => [s, nodeEcKey(s)])) as Record<
  KeySpec,
  ReturnType<typeof nodeEcKey>
>;
const reject = (bytes: Uint8Array, message: RegExp, expected?: KeySpec) =>
  expectQkmsError(() => readPublicKeyBytes(bytes, expected), 'InvalidPublicKeyException', message);

describe.each(KEY_SPECS)('intake forms for %s', (keySpec) => {
  const key = keys[keySpec];
  const forms: [string, Uint8Array, string, boolean][] = [
    ['DER SPKI', key.spkiDer, 'DER_SPKI', false],
    ['PEM (LF)', utf8(key.publicKey.export({ format: 'pem', type: 'spki' }) as string), 'PEM', false],
    [
      'PEM (CRLF)',
      utf8((key.publicKey.export({ format: 'pem', type: 'spki' }) as string).replace(/\n/g, '\r\n')),
      'PEM',
      false,
    ],
    ['uncompressed point', key.point, 'SEC1_POINT', false],
    ['JWK', utf8(JSON.stringify(key.publicKey.export({ format: 'jwk' }))), 'JWK', false],
  ];
  it.each(forms)('%s', (_name, bytes, format, compressed) => {
    const intake = readPublicKeyBytes(bytes, keySpec);
    expect({ keySpec: intake.keySpec, format: intake.format, compressed: intake.compressed }).toEqual({
      keySpec,
      format,
      compressed,
    });
    expect(intake.point).toEqual(key.point);
    expect(intake.spki).toEqual(key.spkiDer);
  });

  it('a compressed point, raw and inside an SPKI', () => {
    const n = (key.point.length - 1) / 2;
    const compressed = Uint8Array.from([2 + (key.point[key.point.length - 1]! & 1), ...key.point.subarray(1, 1 + n)]);
    const raw = readPublicKeyBytes(compressed, keySpec);
    expect(raw).toMatchObject({ format: 'SEC1_POINT', compressed: true });
    expect(raw.point).toEqual(key.point);
    const compressedSpki = encodeSequence(
      encodeSequence(encodeOid(OID.ecPublicKey), encodeOid(CURVES[keySpec].oid)),
      encodeBitString(compressed),
    );
    const inSpki = readPublicKeyBytes(compressedSpki, keySpec);
    expect(inSpki).toMatchObject({ format: 'DER_SPKI', compressed: true });
    expect(inSpki.spki).toEqual(key.spkiDer);
  });
});

describe('raw SEC1 points', () => {
  it('a raw point of P-384 or P-521 needs no expected curve', () => {
    expect(readPublicKeyBytes(keys.ECC_NIST_P384.point).keySpec).toBe('ECC_NIST_P384');
    expect(readPublicKeyBytes(keys.ECC_NIST_P521.point).keySpec).toBe('ECC_NIST_P521');
  });

  it('a 65-byte point without a curve could be P-256 or secp256k1', () => {
    reject(keys.ECC_NIST_P256.point, /65-byte point could be P-256 or secp256k1; name the curve/);
  });

  it('a point of another curve than the key, naming both', () => {
    reject(keys.ECC_NIST_P384.point, /peer curve \(P-384\) does not match the key's curve \(P-256\)/, 'ECC_NIST_P256');
    reject(
      keys.ECC_NIST_P256.point,
      /peer curve \(P-256 or secp256k1\) does not match the key's curve \(P-521\)/,
      'ECC_NIST_P521',
    );
  });

  it('a secp256k1 point read as P-256 fails the curve check', () => {
    reject(keys.ECC_SECG_P256K1.point, /not on the curve P-256/, 'ECC_NIST_P256');
  });

  it('lengths that fit no curve', () => {
    reject(Uint8Array.from([4, ...new Uint8Array(70)]), /wrong point length: 71 bytes/);
    reject(
      Uint8Array.from([4, ...new Uint8Array(70)]),
      /wrong point length: a uncompressed P-256 point|wrong point length.*65 bytes, this one is 71/,
      'ECC_NIST_P256',
    );
  });
});

describe('JWK intake', () => {
  const jwk = keys.ECC_NIST_P256.publicKey.export({ format: 'jwk' }) as Record<string, string>;
  const json = (o: object) => utf8(JSON.stringify(o));

  it('refuses a private JWK', () => {
    const priv = keys.ECC_NIST_P256.privateKey.export({ format: 'jwk' });
    reject(json(priv), /this is a private key; paste the public key only/, 'ECC_NIST_P256');
  });

  it('names the curve mismatch, the kty and the crv', () => {
    reject(
      json(keys.ECC_NIST_P384.publicKey.export({ format: 'jwk' })),
      /peer curve \(P-384\) does not match the key's curve \(P-256\)/,
      'ECC_NIST_P256',
    );
    reject(json({ ...jwk, kty: 'RSA' }), /RSA key/);
    reject(json({ kty: 'OKP', crv: 'X25519', x: 'AAAA' }), /OKP key \(crv "X25519"/);
    reject(json({ ...jwk, crv: 'P-192' }), /unsupported curve \(crv "P-192"\)/);
  });

  it('requires full-length base64url coordinates and both of them', () => {
    reject(
      json({ ...jwk, x: bytesToBase64Url(new Uint8Array(31).fill(7)) }),
      /"x" is 31 bytes; P-256 coordinates are 32 bytes/,
    );
    reject(json({ ...jwk, y: undefined }), /no "y" coordinate/);
    reject(json({ ...jwk, x: jwk.x + '=' }), /"x" is not valid base64url/);
  });

  it('accepts the legacy crv name P-256K for secp256k1', () => {
    const k = keys.ECC_SECG_P256K1.publicKey.export({ format: 'jwk' });
    expect(readPublicKeyBytes(json({ ...k, crv: 'P-256K' }), 'ECC_SECG_P256K1').point).toEqual(
      keys.ECC_SECG_P256K1.point,
    );
  });

  it('refuses invalid JSON', () => {
    reject(utf8('{"kty": "EC",'), /not valid JSON/);
  });
});

describe('double-encoded blobs', () => {
  const der = keys.ECC_NIST_P256.spkiDer;
  it('bytes that are base64 text: says it was encoded twice', () => {
    reject(utf8(bytesToBase64(der)), /encoded twice: the decoded bytes are base64 text, not DER/, 'ECC_NIST_P256');
  });
  it('bytes that are hex text: says it was encoded twice', () => {
    reject(utf8(bytesToHex(der)), /encoded twice: the decoded bytes are hex text, not DER/, 'ECC_NIST_P256');
    reject(
      utf8(bytesToHex(keys.ECC_NIST_P256.point)),
      /encoded twice: the decoded bytes are hex text/,
      'ECC_NIST_P256',
    );
  });
  it('PEM text as bytes (fileb://key.pem) is simply PEM', () => {
    expect(
      readPublicKeyBytes(utf8(keys.ECC_NIST_P256.publicKey.export({ format: 'pem', type: 'spki' }) as string)).format,
    ).toBe('PEM');
  });
  it('a PEM private key is refused with what it is', () => {
    reject(
      utf8(keys.ECC_NIST_P256.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string),
      /"PRIVATE KEY", not "PUBLIC KEY".*paste the public key only/,
    );
  });
  it('empty', () => {
    reject(new Uint8Array(0), /empty/);
  });
});
