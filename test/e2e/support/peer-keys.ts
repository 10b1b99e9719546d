// A peer public key in every form the derive form accepts, made by OpenSSL (never by the code under
// test): PEM, base64 DER, base64 DER of a compressed point, hex SEC1 point, and JWK JSON.
import { execFileSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { CURVES, type KeySpec } from '../../../src/shared/key-spec';
import { opensslKeyPair, type OpensslKeyPair } from '../../support/openssl';

export interface PeerKey extends OpensslKeyPair {
  forms: { pem: string; base64Der: string; base64CompressedDer: string; hexPoint: string; jwk: string };
}

export function peerKey(keySpec: KeySpec): PeerKey {
  const pair = opensslKeyPair(keySpec);
  const compressed = execFileSync(
    'openssl',
    ['ec', '-pubin', '-in', pair.publicPath, '-conv_form', 'compressed', '-outform', 'DER'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  // The uncompressed point ends the SPKI's BIT STRING: 0x04 || X || Y.
  const point = pair.publicDer.subarray(pair.publicDer.length - (1 + 2 * CURVES[keySpec].fieldBytes));
  return {
    ...pair,
    forms: {
      pem: pair.publicPem,
      base64Der: pair.publicDer.toString('base64'),
      base64CompressedDer: compressed.toString('base64'),
      hexPoint: point.toString('hex'),
      jwk: JSON.stringify(createPublicKey(pair.publicPem).export({ format: 'jwk' })),
    },
  };
}
