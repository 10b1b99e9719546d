// ECDH as DeriveSharedSecret defines it: the raw shared secret Z, the x-coordinate of d·Q, exactly
// fieldBytes long with leading zero bytes kept. Never a KDF — callers that want one apply it themselves.
import { QkmsError } from '../../shared/errors';
import { CURVES, type KeySpec } from '../../shared/key-spec';
import { decodeSec1Point, nobleCurve, normalizePrivateScalar } from './curves';

/**
 * Z for our private scalar and a peer point (SEC1, compressed or uncompressed). The point is validated
 * again here so this function is safe on its own, not only behind readPublicKeyBytes.
 */
export function deriveRawSecret(keySpec: KeySpec, privateScalar: Uint8Array, peerPoint: Uint8Array): Uint8Array {
  const { fieldBytes, displayName } = CURVES[keySpec];
  const scalar = normalizePrivateScalar(keySpec, privateScalar);
  // Never echo the scalar: this message must hold no key bytes.
  if (!scalar)
    throw new QkmsError('KMSInternalException', `The stored private key is not a valid ${displayName} scalar.`);
  try {
    const { point } = decodeSec1Point(keySpec, peerPoint);
    // noble returns the shared point in compressed SEC1 form (0x02/0x03 || X); Z is X.
    const shared = nobleCurve(keySpec).getSharedSecret(scalar, point, true);
    const z = shared.slice(1);
    shared.fill(0);
    if (z.length !== fieldBytes) {
      throw new QkmsError(
        'KMSInternalException',
        `ECDH produced ${z.length} bytes; ${displayName} secrets are ${fieldBytes} bytes.`,
      );
    }
    return z;
  } finally {
    scalar.fill(0); // our normalised copy; the caller owns (and wipes) privateScalar
  }
}
