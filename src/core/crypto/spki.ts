// EC SubjectPublicKeyInfo, parsed strictly by bytes (RFC 5480 §2):
//   SEQUENCE { SEQUENCE { OID id-ecPublicKey, OID namedCurve }, BIT STRING (0 unused bits) SEC1 point }
// We never hand a peer key to node:crypto / OpenSSL: they accept explicit curve parameters, which is how
// Wycheproof's invalid "modified curve" keys get through. Every rejection names its reason.
import { QkmsError } from '../../shared/errors';
import { CURVES, type KeySpec } from '../../shared/key-spec';
import { decodeSec1Point } from './curves';
import {
  DerError,
  TAG,
  decodeOid,
  encodeBitString,
  encodeOid,
  encodeSequence,
  readBitStringBytes,
  readChildren,
  readSingle,
  type DerNode,
} from './der';
import { OID, OTHER_ALGORITHM_NAMES, describeUnsupportedCurve, keySpecForCurveOid } from './oids';

export interface ParsedEcSpki {
  keySpec: KeySpec;
  /** Validated, uncompressed (0x04 || X || Y). */
  point: Uint8Array;
  /** Whether the SPKI carried a compressed point. */
  compressed: boolean;
}

const invalid = (message: string): QkmsError => new QkmsError('InvalidPublicKeyException', message);

/** Turns a DER-level failure into a message about the SubjectPublicKeyInfo. */
function derFailure(e: unknown): QkmsError {
  if (!(e instanceof DerError)) throw e;
  switch (e.kind) {
    case 'truncated':
      return invalid(`The public key is a truncated SubjectPublicKeyInfo: ${e.message}.`);
    case 'trailing':
      return invalid(`The public key has trailing bytes after its SubjectPublicKeyInfo: ${e.message}.`);
    default:
      return invalid(`The public key is not valid DER: ${e.message}.`);
  }
}

/** Parse, mapping every DER error; `fn` sees well-formed elements only. */
function withDer<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw derFailure(e);
  }
}

/** Names structures that are easily confused with an SPKI (private keys, certificates, PKCS#1). */
function describeNonSpki(children: DerNode[]): string {
  const tags = children.map((c) => c.tag);
  if (tags[0] === TAG.INTEGER && tags[1] === TAG.SEQUENCE && tags[2] === TAG.OCTET_STRING) {
    return 'it is a PKCS#8 private key; paste the public key only';
  }
  if (tags[0] === TAG.INTEGER && tags[1] === TAG.OCTET_STRING)
    return 'it is a SEC1 EC private key; paste the public key only';
  if (tags.length === 2 && tags[0] === TAG.INTEGER && tags[1] === TAG.INTEGER)
    return 'it is a PKCS#1 RSA public key, not an EC key';
  if (tags.length === 3 && tags[0] === TAG.SEQUENCE && tags[1] === TAG.SEQUENCE && tags[2] === TAG.BIT_STRING) {
    return 'it looks like an X.509 certificate; extract its key with: openssl x509 -pubkey -noout';
  }
  return `expected SEQUENCE { AlgorithmIdentifier, BIT STRING }, found ${children.length} element(s) with tags ${tags.map((t) => '0x' + t.toString(16)).join(', ') || '(none)'}`;
}

/** The curve of an EC AlgorithmIdentifier, or a rejection saying what the key is instead. */
function curveOf(algorithm: DerNode, expected?: KeySpec): KeySpec {
  const parts = withDer(() => readChildren(algorithm));
  const [algOid, params] = parts;
  if (!algOid || algOid.tag !== TAG.OID)
    throw invalid('The public key is not an SPKI: its AlgorithmIdentifier has no algorithm OID.');
  const alg = withDer(() => decodeOid(algOid.content));
  const wanted = expected ? `an EC public key on ${CURVES[expected].displayName}` : 'an EC public key';
  const other = OTHER_ALGORITHM_NAMES[alg];
  if (other)
    throw invalid(`The public key is ${other} key (algorithm OID ${alg}); DeriveSharedSecret needs ${wanted}.`);
  if (alg === OID.ecDH || alg === OID.ecMQV) {
    throw invalid(
      `The public key uses the restricted algorithm OID ${alg}; QKMS accepts id-ecPublicKey (${OID.ecPublicKey}) keys.`,
    );
  }
  if (alg !== OID.ecPublicKey)
    throw invalid(`The public key is not an EC key: unknown algorithm OID ${alg}; DeriveSharedSecret needs ${wanted}.`);
  if (parts.length > 2)
    throw invalid('The public key is not an SPKI: its AlgorithmIdentifier has extra elements after the curve.');
  if (!params) throw invalid('The EC public key has no curve parameter; RFC 5480 requires a namedCurve OID.');
  if (params.tag === TAG.SEQUENCE) {
    throw invalid(
      'The public key uses explicit curve parameters (specifiedCurve) instead of a named-curve OID; QKMS accepts named curves only (RFC 5480). Re-export it with: openssl ec -pubin -param_enc named_curve',
    );
  }
  if (params.tag === TAG.NULL)
    throw invalid(
      'The public key uses implicitlyCA curve parameters (NULL); QKMS accepts named curves only (RFC 5480).',
    );
  if (params.tag !== TAG.OID)
    throw invalid(
      `The public key's curve parameter has tag 0x${params.tag.toString(16)}; a namedCurve OID is required.`,
    );
  const curveOid = withDer(() => decodeOid(params.content));
  const keySpec = keySpecForCurveOid(curveOid);
  if (!keySpec) {
    throw invalid(
      `The public key is on an unsupported curve: ${describeUnsupportedCurve(curveOid)}; QKMS supports P-256, P-384, P-521 and secp256k1.`,
    );
  }
  if (expected && keySpec !== expected) {
    throw invalid(
      `The peer curve (${CURVES[keySpec].displayName}) does not match the key's curve (${CURVES[expected].displayName}); both key pairs must be on the same curve.`,
    );
  }
  return keySpec;
}

/** Parses a DER EC SPKI. With `expected`, a key of any other curve is rejected naming both curves. */
export function parseEcSpki(der: Uint8Array, expected?: KeySpec): ParsedEcSpki {
  if (der.length === 0) throw invalid('The public key is empty.');
  if (der[0] !== TAG.SEQUENCE) {
    throw invalid(
      `The public key is not DER SubjectPublicKeyInfo: it starts with 0x${der[0]!.toString(16).padStart(2, '0')}, not a SEQUENCE (0x30).`,
    );
  }
  const top = withDer(() => readSingle(der));
  const children = withDer(() => readChildren(top));
  const [algorithm, bitString] = children;
  if (children.length !== 2 || algorithm?.tag !== TAG.SEQUENCE || bitString?.tag !== TAG.BIT_STRING) {
    throw invalid(`The public key is not a SubjectPublicKeyInfo: ${describeNonSpki(children)}.`);
  }
  const keySpec = curveOf(algorithm, expected);
  let pointBytes: Uint8Array;
  try {
    pointBytes = readBitStringBytes(bitString);
  } catch (e) {
    throw invalid(`The public key's BIT STRING is malformed: ${(e as Error).message}.`);
  }
  const { point, compressed } = decodeSec1Point(keySpec, pointBytes);
  return { keySpec, point, compressed };
}

/** The canonical DER SPKI of a validated uncompressed point (what GetPublicKey returns). */
export function encodeEcSpki(keySpec: KeySpec, uncompressedPoint: Uint8Array): Uint8Array {
  const n = CURVES[keySpec].fieldBytes;
  if (uncompressedPoint.length !== 1 + 2 * n || uncompressedPoint[0] !== 0x04) {
    throw new RangeError(
      `encodeEcSpki needs an uncompressed ${CURVES[keySpec].displayName} point (${1 + 2 * n} bytes)`,
    );
  }
  return encodeSequence(
    encodeSequence(encodeOid(OID.ecPublicKey), encodeOid(CURVES[keySpec].oid)),
    encodeBitString(uncompressedPoint),
  );
}
