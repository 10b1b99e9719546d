// PEM / JWK renderings of a stored key (GUI key details) agree with OpenSSL's and round-trip through the intake.
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readPublicKeyBytes } from '../../../src/core/crypto/public-key-intake';
import { encodeEcSpki } from '../../../src/core/crypto/spki';
import { KEY_SPECS } from '../../../src/shared/key-spec';
import { derToPem, ecSpkiPrefix, ecSpkiToJwk, spkiToPem } from '../../../src/shared/public-key-formats';
import { nodeEcKey, utf8 } from './helpers';

describe.each(KEY_SPECS)('public key formats for %s', (keySpec) => {
  const key = nodeEcKey(keySpec);

  it("encodeEcSpki is byte-identical to OpenSSL's SPKI, and to the shared canonical prefix", () => {
    expect(encodeEcSpki(keySpec, key.point)).toEqual(key.spkiDer);
    expect(Uint8Array.from([...ecSpkiPrefix(keySpec), ...key.point])).toEqual(key.spkiDer);
  });

  it("spkiToPem equals OpenSSL's PEM and round-trips through the intake", () => {
    const pem = spkiToPem(key.spkiDer);
    expect(pem).toBe(key.publicKey.export({ format: 'pem', type: 'spki' }));
    expect(readPublicKeyBytes(utf8(pem), keySpec).spki).toEqual(key.spkiDer);
  });

  it("ecSpkiToJwk equals OpenSSL's JWK and round-trips through the intake", () => {
    const jwk = ecSpkiToJwk(key.spkiDer, keySpec);
    expect(jwk).toEqual(key.publicKey.export({ format: 'jwk' }));
    expect(readPublicKeyBytes(utf8(JSON.stringify(jwk)), keySpec).spki).toEqual(key.spkiDer);
    expect(
      createPublicKey({ key: { ...jwk } as JsonWebKey, format: 'jwk' }).export({ format: 'der', type: 'spki' }),
    ).toEqual(Buffer.from(key.spkiDer));
  });

  it('ecSpkiToJwk refuses a non-canonical SPKI or another curve', () => {
    const other = KEY_SPECS.find((s) => s !== keySpec)!;
    expect(() => ecSpkiToJwk(key.spkiDer, other)).toThrow(TypeError);
    expect(() => ecSpkiToJwk(key.spkiDer.subarray(1), keySpec)).toThrow(TypeError);
  });
});

describe('derToPem', () => {
  it('wraps at 64 columns with a trailing newline', () => {
    const pem = derToPem(new Uint8Array(100), 'TEST');
    const lines = pem.split('\n');
    expect(lines[0]).toBe('-----BEGIN TEST-----');
    expect(lines[1]).toHaveLength(64);
    expect(lines.at(-2)).toBe('-----END TEST-----');
    expect(pem.endsWith('\n')).toBe(true);
  });
});
