// The key specs and usages QKMS knows, and the facts about each curve that every layer shows.

export const KEY_SPECS = ['ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1'] as const;
export type KeySpec = (typeof KEY_SPECS)[number];

/** Canonical usages, as responses carry them. */
export const KEY_USAGES = ['DERIVE_SHARED_SECRET', 'SIGN_VERIFY'] as const;
export type KeyUsage = (typeof KEY_USAGES)[number];
/**
 * Usages accepted on input. KEY_AGREEMENT is a synonym of DERIVE_SHARED_SECRET; AWS's other usages are
 * accepted by the schema only so that the service can say why they make no sense with an ECC key spec.
 */
export const KEY_USAGE_INPUTS = [
  'DERIVE_SHARED_SECRET',
  'KEY_AGREEMENT',
  'SIGN_VERIFY',
  'ENCRYPT_DECRYPT',
  'GENERATE_VERIFY_MAC',
] as const;
export type KeyUsageInput = (typeof KEY_USAGE_INPUTS)[number];

export const KEY_STATES = ['Enabled', 'Disabled', 'PendingDeletion', 'PendingImport'] as const;
export type KeyState = (typeof KEY_STATES)[number];

export const KEY_AGREEMENT_ALGORITHMS = ['ECDH'] as const;
export type KeyAgreementAlgorithm = (typeof KEY_AGREEMENT_ALGORITHMS)[number];

export interface CurveFacts {
  /** Name users know the curve by (JWK `crv`, OpenSSL name). */
  displayName: string;
  jwkCrv: string;
  opensslName: string;
  /** Bytes of one field element: the length of the raw shared secret Z. */
  fieldBytes: number;
  /** Dotted named-curve OID (RFC 5480). */
  oid: string;
  signingAlgorithms: readonly string[];
}

export const CURVES: Record<KeySpec, CurveFacts> = {
  ECC_NIST_P256: {
    displayName: 'P-256',
    jwkCrv: 'P-256',
    opensslName: 'prime256v1',
    fieldBytes: 32,
    oid: '1.2.840.10045.3.1.7',
    signingAlgorithms: ['ECDSA_SHA_256'],
  },
  ECC_NIST_P384: {
    displayName: 'P-384',
    jwkCrv: 'P-384',
    opensslName: 'secp384r1',
    fieldBytes: 48,
    oid: '1.3.132.0.34',
    signingAlgorithms: ['ECDSA_SHA_384'],
  },
  ECC_NIST_P521: {
    displayName: 'P-521',
    jwkCrv: 'P-521',
    opensslName: 'secp521r1',
    fieldBytes: 66,
    oid: '1.3.132.0.35',
    signingAlgorithms: ['ECDSA_SHA_512'],
  },
  ECC_SECG_P256K1: {
    displayName: 'secp256k1',
    jwkCrv: 'secp256k1',
    opensslName: 'secp256k1',
    fieldBytes: 32,
    oid: '1.3.132.0.10',
    signingAlgorithms: ['ECDSA_SHA_256'],
  },
};

/** The canonical usage of an input usage, or null when the usage makes no sense for an ECC key. */
export function canonicalKeyUsage(usage: KeyUsageInput): KeyUsage | null {
  if (usage === 'KEY_AGREEMENT' || usage === 'DERIVE_SHARED_SECRET') return 'DERIVE_SHARED_SECRET';
  if (usage === 'SIGN_VERIFY') return 'SIGN_VERIFY';
  return null;
}
