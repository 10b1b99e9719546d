// Differential test against OpenSSL: random key pairs on each curve, Z from `openssl pkeyutl -derive`
// must equal ours byte for byte — with OpenSSL's own PEM files as input, with compressed peer keys, and
// with our encodePkcs8 / encodeEcSpki output handed to OpenSSL (so our encodings are checked too).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePrivateScalar, publicPointFromScalar } from '../../../src/core/crypto/curves';
import { deriveRawSecret } from '../../../src/core/crypto/ecdh';
import { encodePkcs8, readPkcs8PrivateKey } from '../../../src/core/crypto/private-key';
import { readPublicKeyBytes } from '../../../src/core/crypto/public-key-intake';
import { encodeEcSpki } from '../../../src/core/crypto/spki';
import { CURVES, KEY_SPECS, type KeySpec } from '../../../src/shared/key-spec';
import { derToPem, spkiToPem } from '../../../src/shared/public-key-formats';

const OPENSSL = '/usr/bin/openssl';
const PAIRS_PER_CURVE = 6;
const dir = mkdtempSync(join(tmpdir(), 'qkms-openssl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const openssl = (...args: string[]): Buffer => execFileSync(OPENSSL, args, { stdio: ['ignore', 'pipe', 'pipe'] });
let counter = 0;
const path = (name: string) => join(dir, `${counter}-${name}`);

function opensslKey(keySpec: KeySpec): { key: string; pub: string; pubCompressed: string } {
  counter++;
  const key = path('key.pem');
  const pub = path('pub.pem');
  const pubCompressed = path('pub-c.pem');
  openssl(
    'genpkey',
    '-algorithm',
    'EC',
    '-pkeyopt',
    `ec_paramgen_curve:${CURVES[keySpec].opensslName}`,
    '-pkeyopt',
    'ec_param_enc:named_curve',
    '-out',
    key,
  );
  openssl('pkey', '-in', key, '-pubout', '-out', pub);
  openssl('pkey', '-in', key, '-pubout', '-ec_conv_form', 'compressed', '-out', pubCompressed);
  return { key, pub, pubCompressed };
}

const opensslDerive = (key: string, peerPub: string): string =>
  openssl('pkeyutl', '-derive', '-inkey', key, '-peerkey', peerPub).toString('hex');

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const tally: Record<string, number> = {};

describe.each(KEY_SPECS)('OpenSSL pkeyutl -derive agrees on %s', (keySpec) => {
  it(`${PAIRS_PER_CURVE} OpenSSL-made key pairs, both directions, uncompressed and compressed peers`, () => {
    for (let i = 0; i < PAIRS_PER_CURVE; i++) {
      const a = opensslKey(keySpec);
      const b = opensslKey(keySpec);
      const expected = opensslDerive(a.key, b.pub);
      expect(expected).toHaveLength(2 * CURVES[keySpec].fieldBytes);
      expect(opensslDerive(b.key, a.pub)).toBe(expected);

      const ourA = readPkcs8PrivateKey(readFileSync(a.key));
      const ourB = readPkcs8PrivateKey(readFileSync(b.key));
      expect(ourA.keySpec).toBe(keySpec);
      for (const [priv, peerFile] of [
        [ourA, b.pub],
        [ourA, b.pubCompressed],
        [ourB, a.pub],
        [ourB, a.pubCompressed],
      ] as const) {
        const peer = readPublicKeyBytes(readFileSync(peerFile), keySpec);
        expect(hex(deriveRawSecret(keySpec, priv.privateScalar, peer.point))).toBe(expected);
      }
      tally[keySpec] = (tally[keySpec] ?? 0) + 4;
    }
  });

  it('OpenSSL derives the same Z from keys we generated and encoded (encodePkcs8, encodeEcSpki)', () => {
    for (let i = 0; i < PAIRS_PER_CURVE; i++) {
      counter++;
      const ours = generatePrivateScalar(keySpec);
      const oursKey = path('ours.pem');
      writeFileSync(oursKey, derToPem(encodePkcs8(keySpec, ours), 'PRIVATE KEY'));
      const peer = opensslKey(keySpec);
      const oursPub = path('ours.pub.pem');
      writeFileSync(oursPub, spkiToPem(encodeEcSpki(keySpec, publicPointFromScalar(keySpec, ours))));
      const expected = opensslDerive(oursKey, peer.pub);
      expect(opensslDerive(peer.key, oursPub)).toBe(expected);
      const peerPoint = readPublicKeyBytes(readFileSync(peer.pub), keySpec).point;
      expect(hex(deriveRawSecret(keySpec, ours, peerPoint))).toBe(expected);
      tally[keySpec] = (tally[keySpec] ?? 0) + 2;
    }
    console.log(`OpenSSL differential ${keySpec}: ${tally[keySpec]} derivations agreed`);
  });
});
