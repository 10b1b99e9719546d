// Shared helpers for the crypto tests: real keys from node:crypto (OpenSSL), and an assertion that a
// call fails with a given QKMS error code AND a message naming the problem.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { expect } from 'vitest';
import { QkmsError, type ErrorCode } from '../../../src/shared/errors';
import { CURVES, type KeySpec, KEY_SPECS } from '../../../src/shared/key-spec';
import { base64UrlToBytes } from '../../../src/shared/public-key-text';

export { KEY_SPECS };

export function expectQkmsError(fn: () => unknown, code: ErrorCode, message: RegExp): QkmsError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected the call to throw').toBeInstanceOf(QkmsError);
  const error = caught as QkmsError;
  expect({ code: error.code, message: error.message }).toEqual({ code, message: expect.stringMatching(message) });
  return error;
}

export interface NodeEcKey {
  keySpec: KeySpec;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** fieldBytes-long scalar from the JWK export. */
  scalar: Uint8Array;
  /** 0x04 || X || Y. */
  point: Uint8Array;
  spkiDer: Uint8Array;
}

export function nodeEcKey(keySpec: KeySpec): NodeEcKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: CURVES[keySpec].opensslName });
  const jwk = privateKey.export({ format: 'jwk' });
  const point = Uint8Array.from([4, ...base64UrlToBytes(jwk.x!), ...base64UrlToBytes(jwk.y!)]);
  return {
    keySpec,
    privateKey,
    publicKey,
    scalar: base64UrlToBytes(jwk.d!),
    point,
    spkiDer: new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })),
  };
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
