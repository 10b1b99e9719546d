// Reading the user's own EC private key for ImportKey: PKCS#8 (RFC 5208/5958) as PEM or DER, with the
// EC key inside it (RFC 5915). Parsed by bytes with the strict DER reader, like peer keys, so that every
// rejection can say exactly what the file is and how to convert it. Problems are ValidationException.
// Never put key bytes in a message: only structure, lengths and OIDs.
import { QkmsError } from '../../shared/errors';
import { CURVES, type KeySpec } from '../../shared/key-spec';
import { readPemBlocks, type PemBlock } from '../../shared/public-key-text';
import { decodeSec1Point, normalizePrivateScalar, publicPointFromScalar } from './curves';
import {
  DerError,
  TAG,
  decodeOid,
  encodeBitString,
  encodeOctetString,
  encodeOid,
  encodeSequence,
  encodeSmallInteger,
  encodeTlv,
  readBitStringBytes,
  readChildren,
  readSingle,
  readSmallInteger,
  type DerNode,
} from './der';
import { OID, OTHER_ALGORITHM_NAMES, describeUnsupportedCurve, keySpecForCurveOid } from './oids';

export interface Pkcs8PrivateKey {
  keySpec: KeySpec;
  /** Exactly fieldBytes, big-endian. Key material: never log it. */
  privateScalar: Uint8Array;
  /** Uncompressed public point d·G. */
  publicPoint: Uint8Array;
}

const invalid = (message: string): QkmsError => new QkmsError('ValidationException', message);

const TO_PKCS8 = 'convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem';
const DECRYPT = 'decrypt it first: openssl pkcs8 -in key.pem -out key-plain.pem';

const PEM_LABELS: Readonly<Record<string, string>> = {
  'ENCRYPTED PRIVATE KEY': `The private key is an encrypted PKCS#8 key; ${DECRYPT}`,
  'EC PRIVATE KEY': `The private key is a SEC1 "EC PRIVATE KEY", not PKCS#8; ${TO_PKCS8}`,
  'RSA PRIVATE KEY': 'The private key is an RSA key; QKMS keys are EC keys (P-256, P-384, P-521, secp256k1).',
  'OPENSSH PRIVATE KEY':
    'The private key is in OpenSSH format; convert it to PKCS#8 with: ssh-keygen -p -m PKCS8 -f key',
  'PUBLIC KEY': 'The file holds a public key; ImportKey needs the private key (PKCS#8 "PRIVATE KEY").',
  CERTIFICATE: 'The file holds a certificate; ImportKey needs the private key (PKCS#8 "PRIVATE KEY").',
};

/** PEM text → the DER of its single PRIVATE KEY block (an EC PARAMETERS block alongside is ignored). */
function pemToDer(text: string): Uint8Array {
  let blocks: PemBlock[];
  try {
    blocks = readPemBlocks(text);
  } catch (e) {
    throw invalid(`The private key PEM is malformed: ${(e as Error).message}`);
  }
  const keys = blocks.filter((b) => b.label !== 'EC PARAMETERS');
  if (keys.length !== 1) {
    throw invalid(
      `The file holds ${keys.length} key PEM blocks (${blocks.map((b) => b.label).join(', ')}); give one PKCS#8 private key.`,
    );
  }
  const { label, der } = keys[0]!;
  if (label === 'PRIVATE KEY') return der;
  throw invalid(PEM_LABELS[label] ?? `The PEM block is "${label}"; ImportKey needs a PKCS#8 "PRIVATE KEY".`);
}

function derFailure(e: unknown): never {
  if (!(e instanceof DerError)) throw e;
  if (e.kind === 'truncated') throw invalid(`The private key's DER is truncated: ${e.message}.`);
  if (e.kind === 'trailing') throw invalid(`The private key has trailing bytes: ${e.message}.`);
  throw invalid(`The private key is not valid DER: ${e.message}.`);
}

function der<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    return derFailure(e);
  }
}

/** Says what a DER SEQUENCE that is not a PKCS#8 PrivateKeyInfo is. */
function notPkcs8(children: DerNode[]): QkmsError {
  const tags = children.map((c) => c.tag);
  if (tags.length === 2 && tags[0] === TAG.SEQUENCE && tags[1] === TAG.OCTET_STRING) {
    return invalid(`The private key is an encrypted PKCS#8 key; ${DECRYPT}`);
  }
  if (tags[0] === TAG.INTEGER && tags[1] === TAG.OCTET_STRING) {
    return invalid(
      `The private key is a SEC1 EC private key (RFC 5915), not PKCS#8; ${TO_PKCS8.replace('-in key.pem', '-inform DER -in key.der')}`,
    );
  }
  if (tags.length >= 9 && tags.every((t) => t === TAG.INTEGER))
    return invalid('The private key is a PKCS#1 RSA key; QKMS keys are EC keys.');
  if (tags.length === 2 && tags[0] === TAG.SEQUENCE && tags[1] === TAG.BIT_STRING) {
    return invalid('The file holds a public key (SubjectPublicKeyInfo); ImportKey needs the private key.');
  }
  return invalid(
    'The private key is not a PKCS#8 PrivateKeyInfo (expected SEQUENCE { version, AlgorithmIdentifier, OCTET STRING }).',
  );
}

/** The curve named by a parameters element (named OID), or a rejection naming what it is instead. */
function curveFromParams(params: DerNode): KeySpec {
  if (params.tag === TAG.SEQUENCE) {
    throw invalid(
      'The private key uses explicit curve parameters; re-export it with a named curve: openssl pkey -in key.pem -ec_param_enc named_curve',
    );
  }
  if (params.tag !== TAG.OID) throw invalid('The private key has no named-curve OID.');
  const oid = der(() => decodeOid(params.content));
  const keySpec = keySpecForCurveOid(oid);
  if (!keySpec)
    throw invalid(
      `The private key is on an unsupported curve: ${describeUnsupportedCurve(oid)}; QKMS supports P-256, P-384, P-521 and secp256k1.`,
    );
  return keySpec;
}

/** The contents of an explicit context tag [n] (RFC 5915 wraps params in [0] and the public key in [1]). */
function explicit(node: DerNode): DerNode {
  const inner = der(() => readChildren(node));
  if (inner.length !== 1) throw invalid('The EC private key has a malformed [0]/[1] field.');
  return inner[0]!;
}

/** Reads an EC private key from PKCS#8 PEM (LF or CRLF) or DER. Throws ValidationException naming the problem. */
export function readPkcs8PrivateKey(bytes: Uint8Array): Pkcs8PrivateKey {
  if (bytes.length === 0) throw invalid('The private key is empty.');
  if (bytes[0] === 0x30) return readDer(bytes);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).trim();
  if (!text.startsWith('-----')) {
    throw invalid(
      'The private key is neither DER (it does not start with 0x30) nor PEM (no "-----BEGIN PRIVATE KEY-----" line).',
    );
  }
  const body = pemToDer(text);
  try {
    return readDer(body);
  } finally {
    body.fill(0); // our decoded copy of the key; never left lying around
  }
}

function readDer(body: Uint8Array): Pkcs8PrivateKey {
  if (body[0] !== TAG.SEQUENCE) throw invalid('The private key is not DER PKCS#8: it does not start with a SEQUENCE.');
  const children = der(() => readChildren(readSingle(body)));
  const [version, algorithm, privateKey, ...rest] = children;
  const v = version ? der(() => readSmallInteger(version)) : undefined;
  if ((v !== 0 && v !== 1) || algorithm?.tag !== TAG.SEQUENCE || privateKey?.tag !== TAG.OCTET_STRING)
    throw notPkcs8(children);
  if (rest.some((n) => n.tag !== TAG.CONTEXT_0 && n.tag !== 0x81 && n.tag !== TAG.CONTEXT_1)) {
    throw invalid('The PKCS#8 key has unexpected fields after the private key.');
  }

  const [algOid, params, ...extra] = der(() => readChildren(algorithm));
  if (algOid?.tag !== TAG.OID || extra.length > 0) throw invalid('The PKCS#8 AlgorithmIdentifier is malformed.');
  const alg = der(() => decodeOid(algOid.content));
  const other = OTHER_ALGORITHM_NAMES[alg];
  if (other) throw invalid(`The private key is ${other} key; QKMS keys are EC keys (P-256, P-384, P-521, secp256k1).`);
  if (alg !== OID.ecPublicKey) throw invalid(`The private key's algorithm OID ${alg} is not id-ecPublicKey.`);

  // ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, [0] parameters OPT, [1] publicKey OPT }
  const ecKey = der(() => readSingle(privateKey.content));
  const fields = ecKey.tag === TAG.SEQUENCE ? der(() => readChildren(ecKey)) : [];
  const [ecVersion, scalarNode, ...optional] = fields;
  if (!ecVersion || der(() => readSmallInteger(ecVersion)) !== 1 || scalarNode?.tag !== TAG.OCTET_STRING) {
    throw invalid('The EC private key inside the PKCS#8 is malformed (expected ECPrivateKey, RFC 5915).');
  }
  const innerParams = optional.find((n) => n.tag === TAG.CONTEXT_0);
  const innerPublic = optional.find((n) => n.tag === TAG.CONTEXT_1);
  const fromAlg = params && params.tag !== TAG.NULL ? curveFromParams(params) : undefined;
  const fromInner = innerParams ? curveFromParams(explicit(innerParams)) : undefined;
  if (fromAlg && fromInner && fromAlg !== fromInner) throw invalid('The private key names two different curves.');
  const keySpec = fromAlg ?? fromInner;
  if (!keySpec) throw invalid('The private key does not name its curve.');

  const { displayName, fieldBytes } = CURVES[keySpec];
  const privateScalar = normalizePrivateScalar(keySpec, scalarNode.content);
  if (!privateScalar) {
    throw invalid(
      `The private key is not a valid ${displayName} key: its scalar must be in 1…n−1 and at most ${fieldBytes} bytes.`,
    );
  }
  const publicPoint = publicPointFromScalar(keySpec, privateScalar);
  if (innerPublic) {
    // A PKCS#8 file that carries a public key must agree with its private key (corruption check).
    let stored: Uint8Array | undefined;
    try {
      stored = decodeSec1Point(
        keySpec,
        der(() => readBitStringBytes(explicit(innerPublic))),
      ).point;
    } catch {
      stored = undefined;
    }
    if (!stored || !stored.every((b, i) => b === publicPoint[i])) {
      throw invalid('The public key stored in the PKCS#8 file does not match its private key (the file is corrupt).');
    }
  }
  return { keySpec, privateScalar, publicPoint };
}

/** DER PKCS#8 of an EC key, as OpenSSL writes it (curve in the AlgorithmIdentifier, public key in [1]). */
export function encodePkcs8(keySpec: KeySpec, scalar: Uint8Array): Uint8Array {
  const d = normalizePrivateScalar(keySpec, scalar);
  if (!d) throw new RangeError(`not a valid ${CURVES[keySpec].displayName} private scalar`);
  const ecPrivateKey = encodeSequence(
    encodeSmallInteger(1),
    encodeOctetString(d),
    encodeTlv(TAG.CONTEXT_1, encodeBitString(publicPointFromScalar(keySpec, d))),
  );
  return encodeSequence(
    encodeSmallInteger(0),
    encodeSequence(encodeOid(OID.ecPublicKey), encodeOid(CURVES[keySpec].oid)),
    encodeOctetString(ecPrivateKey),
  );
}
