// Every Wycheproof ECDH file for the four supported curves, through the real intake + derive path:
// valid vectors must produce exactly `shared`, invalid ones must be rejected with
// InvalidPublicKeyException, acceptable ones may go either way but must never give a wrong secret.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QkmsError } from '../../../src/shared/errors';
import type { KeySpec } from '../../../src/shared/key-spec';
import { base64UrlToBytes, bytesToHex, hexToBytes } from '../../../src/shared/public-key-text';
import { normalizePrivateScalar } from '../../../src/core/crypto/curves';
import { deriveRawSecret } from '../../../src/core/crypto/ecdh';
import { readPkcs8PrivateKey } from '../../../src/core/crypto/private-key';
import { readPublicKeyBytes } from '../../../src/core/crypto/public-key-intake';

const DIR = '/work/shared/vectors/wycheproof';
const CURVE_OF_FILE: Record<string, KeySpec> = {
  secp256r1: 'ECC_NIST_P256',
  secp384r1: 'ECC_NIST_P384',
  secp521r1: 'ECC_NIST_P521',
  secp256k1: 'ECC_SECG_P256K1',
};

interface Vector {
  tcId: number;
  comment: string;
  flags: string[];
  public: string | Record<string, string>;
  private: string | Record<string, string>;
  shared: string;
  result: 'valid' | 'invalid' | 'acceptable';
}

const FILES = readdirSync(DIR)
  .filter((f) => /^ecdh_secp(256r1|384r1|521r1|256k1)(_ecpoint|_pem|_webcrypto)?_test\.json$/.test(f))
  .sort();

function privateScalar(keySpec: KeySpec, v: Vector): Uint8Array {
  if (typeof v.private === 'object') return normalizePrivateScalar(keySpec, base64UrlToBytes(v.private.d!))!;
  if (v.private.startsWith('-----')) return readPkcs8PrivateKey(new TextEncoder().encode(v.private)).privateScalar;
  // Hex big-endian integers: may carry a leading 00 or be shorter than the field.
  const scalar = normalizePrivateScalar(keySpec, hexToBytes(v.private.length % 2 ? '0' + v.private : v.private));
  if (!scalar) throw new Error(`tcId ${v.tcId}: private key out of range`);
  return scalar;
}

function publicBytes(v: Vector): Uint8Array {
  if (typeof v.public === 'object') return new TextEncoder().encode(JSON.stringify(v.public));
  if (v.public.startsWith('-----')) return new TextEncoder().encode(v.public);
  return hexToBytes(v.public);
}

describe('Wycheproof ECDH vectors', () => {
  it('finds the 14 files of the four curves', () => {
    expect(FILES).toHaveLength(14);
  });

  for (const file of FILES) {
    it(file, () => {
      const keySpec = CURVE_OF_FILE[/secp\d+[rk]1/.exec(file)![0]]!;
      const data = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { testGroups: { tests: Vector[] }[] };
      const counts = { valid: 0, invalid: 0, acceptableAccepted: 0, acceptableRejected: 0 };
      const failures: string[] = [];
      for (const v of data.testGroups.flatMap((g) => g.tests)) {
        const scalar = privateScalar(keySpec, v);
        let secret: string | undefined;
        let rejection: string | undefined;
        try {
          const intake = readPublicKeyBytes(publicBytes(v), keySpec);
          secret = bytesToHex(deriveRawSecret(keySpec, scalar, intake.point));
        } catch (e) {
          if (!(e instanceof QkmsError) || e.code !== 'InvalidPublicKeyException') {
            failures.push(`tcId ${v.tcId} (${v.comment}): unexpected ${String(e)}`);
            continue;
          }
          rejection = e.message;
        }
        if (v.result === 'valid') {
          if (secret === v.shared) counts.valid++;
          else failures.push(`tcId ${v.tcId} (${v.comment}) valid: ${rejection ?? `got ${secret}`}`);
        } else if (v.result === 'invalid') {
          if (rejection) counts.invalid++;
          else failures.push(`tcId ${v.tcId} (${v.comment}) invalid but accepted`);
        } else if (rejection) {
          counts.acceptableRejected++;
        } else if (secret === v.shared) {
          counts.acceptableAccepted++;
        } else {
          failures.push(`tcId ${v.tcId} (${v.comment}) acceptable but wrong secret ${secret}`);
        }
      }
      console.log(
        `${file}: valid passed ${counts.valid}, invalid rejected ${counts.invalid}, acceptable accepted ${counts.acceptableAccepted} / rejected ${counts.acceptableRejected}, failures ${failures.length}`,
      );
      expect(failures).toEqual([]);
    });
  }
});
