// EC public keys as JWK (RFC 7517/7518): {"kty":"EC","crv":"P-256","x":"…","y":"…"}, x and y base64url
// of the full-length big-endian coordinates. Parsed strictly; the point goes through the same SEC1
// validation as every other form.
import { QkmsError } from '../../shared/errors';
import { CURVES, KEY_SPECS, type KeySpec } from '../../shared/key-spec';
import { base64UrlToBytes } from '../../shared/public-key-text';
import { decodeSec1Point, type DecodedPoint } from './curves';

const invalid = (message: string): QkmsError => new QkmsError('InvalidPublicKeyException', message);

/** JWK `crv` → KeySpec. "P-256K" is the pre-RFC 8812 name of secp256k1 that some libraries (and Wycheproof) still emit. */
function keySpecForCrv(crv: string): KeySpec | undefined {
  if (crv === 'P-256K') return 'ECC_SECG_P256K1';
  return KEY_SPECS.find((spec) => CURVES[spec].jwkCrv === crv);
}

function coordinate(jwk: Record<string, unknown>, name: 'x' | 'y', keySpec: KeySpec): Uint8Array {
  const value = jwk[name];
  const { displayName, fieldBytes } = CURVES[keySpec];
  if (value === undefined) {
    throw invalid(`The JWK has no "${name}" coordinate; an EC public key JWK needs both x and y.`);
  }
  if (typeof value !== 'string') throw invalid(`The JWK's "${name}" must be a base64url string.`);
  let bytes: Uint8Array;
  try {
    bytes = base64UrlToBytes(value);
  } catch {
    throw invalid(`The JWK's "${name}" is not valid base64url (RFC 7515: url-safe alphabet, no padding).`);
  }
  if (bytes.length !== fieldBytes) {
    throw invalid(
      `The JWK's "${name}" is ${bytes.length} bytes; ${displayName} coordinates are ${fieldBytes} bytes (RFC 7518 §6.2.1.2: full length, leading zeros kept).`,
    );
  }
  return bytes;
}

export interface ParsedJwk extends DecodedPoint {
  keySpec: KeySpec;
}

/** Parses JWK JSON text of an EC public key. With `expected`, another curve is rejected naming both. */
export function parseEcJwk(text: string, expected?: KeySpec): ParsedJwk {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('The public key looks like JWK JSON but is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid('The JWK must be a JSON object.');
  const jwk = value as Record<string, unknown>;
  if (Array.isArray(jwk.keys)) throw invalid('This is a JWK Set ({"keys": [...]}); paste a single public key JWK.');
  // Checked before anything else: a private key must never be processed further, nor echoed back.
  if ('d' in jwk) throw invalid('The JWK contains "d": this is a private key; paste the public key only.');
  const { kty, crv } = jwk;
  if (kty === 'RSA') throw invalid('The JWK is an RSA key (kty "RSA"); DeriveSharedSecret needs an EC public key.');
  if (kty === 'OKP') {
    throw invalid(
      `The JWK is an OKP key (crv ${JSON.stringify(crv)}, e.g. Ed25519/X25519); DeriveSharedSecret needs an EC public key.`,
    );
  }
  if (kty !== 'EC') throw invalid(`The JWK's kty is ${JSON.stringify(kty)}; an EC public key has kty "EC".`);
  if (typeof crv !== 'string') throw invalid('The JWK has no "crv"; an EC JWK names its curve (e.g. "P-256").');
  const keySpec = keySpecForCrv(crv);
  if (!keySpec)
    throw invalid(
      `The JWK is on an unsupported curve (crv ${JSON.stringify(crv)}); QKMS supports P-256, P-384, P-521 and secp256k1.`,
    );
  if (expected && keySpec !== expected) {
    throw invalid(
      `The peer curve (${CURVES[keySpec].displayName}) does not match the key's curve (${CURVES[expected].displayName}); both key pairs must be on the same curve.`,
    );
  }
  const x = coordinate(jwk, 'x', keySpec);
  const y = coordinate(jwk, 'y', keySpec);
  const sec1 = new Uint8Array(1 + x.length + y.length);
  sec1[0] = 0x04;
  sec1.set(x, 1);
  sec1.set(y, 1 + x.length);
  return { keySpec, ...decodeSec1Point(keySpec, sec1, 'The JWK public key') };
}
