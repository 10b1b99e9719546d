// KeySpec → @noble/curves curve, plus the point and scalar checks QKMS needs. Point decoding is done
// here by hand (prefix, length, coordinate range, curve equation) before noble sees the bytes, so each
// way a point can be wrong gets its own message; noble's own validation then runs as a second check.
// All four curves have cofactor 1, so a point on the curve (other than infinity) is in the right group.
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import type { ECDSA } from '@noble/curves/abstract/weierstrass.js';
import { QkmsError } from '../../shared/errors';
import { CURVES, type KeySpec } from '../../shared/key-spec';

const NOBLE: Record<KeySpec, ECDSA> = {
  ECC_NIST_P256: p256,
  ECC_NIST_P384: p384,
  ECC_NIST_P521: p521,
  ECC_SECG_P256K1: secp256k1,
};

export function nobleCurve(keySpec: KeySpec): ECDSA {
  return NOBLE[keySpec];
}

const invalid = (message: string): QkmsError => new QkmsError('InvalidPublicKeyException', message);

function bytesToBigInt(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function bigIntToBytes(value: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = length - 1, v = value; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
}

export interface DecodedPoint {
  /** 0x04 || X || Y, validated. */
  point: Uint8Array;
  /** Whether the input used the compressed (0x02/0x03) form. */
  compressed: boolean;
}

/**
 * Validates a SEC1-encoded point of `keySpec` and returns it uncompressed. Throws
 * InvalidPublicKeyException naming the exact fault. `what` says where the point came from in messages.
 */
export function decodeSec1Point(keySpec: KeySpec, bytes: Uint8Array, what = 'The public key'): DecodedPoint {
  const { displayName: name, fieldBytes: n } = CURVES[keySpec];
  const curve = NOBLE[keySpec].Point.CURVE();
  if (bytes.length === 0) throw invalid(`${what} holds no point: the SEC1 point is empty (0 bytes).`);
  const prefix = bytes[0]!;
  if (prefix === 0x00) {
    throw invalid(`${what} is the point at infinity (SEC1 0x00), which is never a valid public key.`);
  }
  if (prefix === 0x06 || prefix === 0x07) {
    throw invalid(
      `${what} uses the hybrid point encoding (0x0${prefix}); QKMS accepts only uncompressed (0x04) or compressed (0x02/0x03) points.`,
    );
  }
  if (prefix !== 0x02 && prefix !== 0x03 && prefix !== 0x04) {
    throw invalid(
      `${what}'s point starts with 0x${prefix.toString(16).padStart(2, '0')}, which is not a SEC1 point encoding (0x02, 0x03 or 0x04).`,
    );
  }
  const compressed = prefix !== 0x04;
  const expectedLength = compressed ? 1 + n : 1 + 2 * n;
  if (bytes.length !== expectedLength) {
    const form = compressed
      ? `compressed ${name} point (0x0${prefix} || X)`
      : `uncompressed ${name} point (0x04 || X || Y)`;
    throw invalid(
      `${what} has the wrong point length: a ${form} is ${expectedLength} bytes, this one is ${bytes.length}.`,
    );
  }
  const x = bytesToBigInt(bytes.subarray(1, 1 + n));
  if (x >= curve.p) throw invalid(`${what}'s x-coordinate is not a ${name} field element (coordinate ≥ p).`);
  let y: bigint;
  if (compressed) {
    // Decompression: noble finds y or throws when x³ + ax + b has no square root mod p.
    try {
      y = NOBLE[keySpec].Point.fromBytes(bytes).y;
    } catch {
      throw invalid(`${what} is not on the curve ${name}: no point of the curve has this x-coordinate.`);
    }
  } else {
    y = bytesToBigInt(bytes.subarray(1 + n));
    if (y >= curve.p) throw invalid(`${what}'s y-coordinate is not a ${name} field element (coordinate ≥ p).`);
    const p = curve.p;
    const rhs = (((((x * x) % p) * x) % p) + ((curve.a * x) % p) + curve.b) % p;
    if ((y * y) % p !== rhs) throw invalid(`${what}'s point is not on the curve ${name} (y² ≠ x³ + ax + b).`);
  }
  // Second opinion from noble: constructs the point and runs its own validity checks.
  try {
    NOBLE[keySpec].Point.fromAffine({ x, y }).assertValidity();
  } catch {
    throw invalid(`${what}'s point is not a valid ${name} point.`);
  }
  const point = new Uint8Array(1 + 2 * n);
  point[0] = 0x04;
  point.set(bigIntToBytes(x, n), 1);
  point.set(bigIntToBytes(y, n), 1 + n);
  return { point, compressed };
}

/**
 * A private scalar as noble wants it: exactly fieldBytes, big-endian. Accepts shorter input (leading
 * zeros dropped by an encoder) and longer input whose extra leading bytes are zero. Returns undefined
 * when the value is not in [1, n-1]; callers choose the error, and never put the bytes in it.
 */
export function normalizePrivateScalar(keySpec: KeySpec, scalar: Uint8Array): Uint8Array | undefined {
  const n = CURVES[keySpec].fieldBytes;
  let start = 0;
  while (start < scalar.length - n && scalar[start] === 0) start++;
  const body = scalar.subarray(start);
  if (body.length > n) return undefined;
  const out = new Uint8Array(n);
  out.set(body, n - body.length);
  return NOBLE[keySpec].utils.isValidSecretKey(out) ? out : undefined;
}

/** A fresh private scalar from the platform CSPRNG (noble uses crypto.getRandomValues). */
export function generatePrivateScalar(keySpec: KeySpec): Uint8Array {
  return NOBLE[keySpec].utils.randomSecretKey();
}

/** The uncompressed public point d·G of a valid private scalar. */
export function publicPointFromScalar(keySpec: KeySpec, scalar: Uint8Array): Uint8Array {
  return NOBLE[keySpec].getPublicKey(scalar, false);
}
