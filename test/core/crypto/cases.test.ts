// The bug-report cases in ../shared/cases, through the same path the service takes: import the PKCS#8
// key, decode the pasted text, read the public key against the key's curve, derive Z.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveRawSecret } from '../../../src/core/crypto/ecdh';
import { readPkcs8PrivateKey } from '../../../src/core/crypto/private-key';
import { readPublicKeyBytes } from '../../../src/core/crypto/public-key-intake';
import { QkmsError } from '../../../src/shared/errors';
import { KEY_SPECS, CURVES } from '../../../src/shared/key-spec';
import { bytesToBase64, decodePublicKeyText } from '../../../src/shared/public-key-text';
import { utf8 } from './helpers';

const DIR = '/work/shared/cases';
interface Case {
  id: string;
  curve: string;
  privateKeyPkcs8Pem: string;
  publicKey: string;
  expect: { sharedSecretBase64?: string; errorCode?: string; reason?: string };
}
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Case);

// Words from each case's `reason` that our message must contain, so the message names the problem.
const REASON_WORDS: Record<string, RegExp> = {
  '11-p256-point-not-on-curve': /not on the curve/,
  '12-p384-peer-for-p256-key': /peer curve \(P-384\) does not match the key's curve \(P-256\)/,
  '14-p256-point-at-infinity': /point at infinity/,
  '15-p256-truncated-der': /truncated SubjectPublicKeyInfo.*DER length exceeds the data/,
  '17-double-base64-encoded': /encoded twice.*base64 text, not DER/,
};

describe('shared bug-report cases', () => {
  it('finds the cases', () => expect(cases.length).toBeGreaterThanOrEqual(10));

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const keySpec = KEY_SPECS.find((s) => CURVES[s].displayName === c.curve)!;
    const own = readPkcs8PrivateKey(utf8(c.privateKeyPkcs8Pem));
    expect(own.keySpec).toBe(keySpec);
    let result: string | QkmsError;
    try {
      const { bytes } = decodePublicKeyText(c.publicKey);
      const peer = readPublicKeyBytes(bytes, keySpec);
      result = bytesToBase64(deriveRawSecret(keySpec, own.privateScalar, peer.point));
    } catch (e) {
      if (!(e instanceof QkmsError)) throw e;
      result = e;
    }
    if (c.expect.sharedSecretBase64) {
      expect(result).toBe(c.expect.sharedSecretBase64);
    } else {
      expect(result).toBeInstanceOf(QkmsError);
      const error = result as QkmsError;
      expect(error.code).toBe(c.expect.errorCode);
      expect(error.message).toMatch(REASON_WORDS[c.id] ?? /./);
    }
  });
});
