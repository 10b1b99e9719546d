// The object identifiers QKMS recognises in keys. Besides the four supported curves, a few common
// algorithms and curves are named only so that a rejection can say what the key *is* ("an RSA key",
// "a brainpoolP256r1 key") instead of printing a bare dotted number.
import { CURVES, KEY_SPECS, type KeySpec } from '../../shared/key-spec';

export const OID = {
  ecPublicKey: '1.2.840.10045.2.1',
  ecDH: '1.3.132.1.12',
  ecMQV: '1.3.132.1.13',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  rsaOaep: '1.2.840.113549.1.1.7',
  dsa: '1.2.840.10040.4.1',
  dh: '1.2.840.113549.1.3.1',
  x25519: '1.3.101.110',
  x448: '1.3.101.111',
  ed25519: '1.3.101.112',
  ed448: '1.3.101.113',
} as const;

/** Non-EC key algorithms, with their article, for "the public key is an RSA key" messages. */
export const OTHER_ALGORITHM_NAMES: Readonly<Record<string, string>> = {
  [OID.rsaEncryption]: 'an RSA',
  [OID.rsaPss]: 'an RSA-PSS',
  [OID.rsaOaep]: 'an RSA-OAEP',
  [OID.dsa]: 'a DSA',
  [OID.dh]: 'a finite-field Diffie-Hellman',
  [OID.x25519]: 'an X25519',
  [OID.x448]: 'an X448',
  [OID.ed25519]: 'an Ed25519',
  [OID.ed448]: 'an Ed448',
};

/** Named curves QKMS does not support, so an "unknown curve" message can still name them. */
const UNSUPPORTED_CURVE_NAMES: Readonly<Record<string, string>> = {
  '1.2.840.10045.3.1.1': 'P-192 (secp192r1)',
  '1.3.132.0.33': 'P-224 (secp224r1)',
  '1.3.132.0.32': 'secp224k1',
  '1.3.132.0.31': 'secp192k1',
  '1.3.36.3.3.2.8.1.1.5': 'brainpoolP224r1',
  '1.3.36.3.3.2.8.1.1.6': 'brainpoolP224t1',
  '1.3.36.3.3.2.8.1.1.7': 'brainpoolP256r1',
  '1.3.36.3.3.2.8.1.1.8': 'brainpoolP256t1',
  '1.3.36.3.3.2.8.1.1.9': 'brainpoolP320r1',
  '1.3.36.3.3.2.8.1.1.10': 'brainpoolP320t1',
  '1.3.36.3.3.2.8.1.1.11': 'brainpoolP384r1',
  '1.3.36.3.3.2.8.1.1.12': 'brainpoolP384t1',
  '1.3.36.3.3.2.8.1.1.13': 'brainpoolP512r1',
  '1.3.36.3.3.2.8.1.1.14': 'brainpoolP512t1',
  '1.2.250.1.223.101.256.1': 'FRP256v1',
  '1.2.156.10197.1.301': 'SM2',
};

export function keySpecForCurveOid(oid: string): KeySpec | undefined {
  return KEY_SPECS.find((spec) => CURVES[spec].oid === oid);
}

/** "brainpoolP256r1 (1.3.36.3.3.2.8.1.1.7)" or just the dotted OID when we do not know its name. */
export function describeUnsupportedCurve(oid: string): string {
  const name = UNSUPPORTED_CURVE_NAMES[oid];
  return name ? `${name} (OID ${oid})` : `OID ${oid}`;
}
