// Request schemas of key agreement and of AWS's wrapped import flow.
import { z } from 'zod';
import { blob, dryRun, grantTokens, keyAgreementAlgorithm, keyId } from './fields';

export const DeriveSharedSecretRequest = z
  .object({
    KeyId: keyId,
    PublicKey: blob('PublicKey'),
    KeyAgreementAlgorithm: keyAgreementAlgorithm.optional(),
    /** Base64 DER SPKI of an RSA public key: the secret is then returned encrypted to it. */
    RecipientInfo: blob('RecipientInfo').optional(),
    /**
     * AWS KMS's own shape (an attestation document). Accepted so SDK clients get a clear
     * UnsupportedOperationException rather than a validation error.
     */
    Recipient: z
      .object({
        KeyEncryptionAlgorithm: z.string().optional(),
        AttestationDocument: blob('AttestationDocument').optional(),
      })
      .strict()
      .optional(),
    GrantTokens: grantTokens.optional(),
    DryRun: dryRun.optional(),
  })
  .strict();

/** QKMS extension: what a pasted public key is (format, curve, compressed), for the GUI's live note. */
export const InspectPublicKeyRequest = z.object({ PublicKey: blob('PublicKey'), KeyId: keyId.optional() }).strict();

export const WRAPPING_KEY_SPECS = ['RSA_2048', 'RSA_3072', 'RSA_4096'] as const;
export const WRAPPING_ALGORITHMS = [
  'RSAES_OAEP_SHA_1',
  'RSAES_OAEP_SHA_256',
  'RSA_AES_KEY_WRAP_SHA_1',
  'RSA_AES_KEY_WRAP_SHA_256',
] as const;

export const GetParametersForImportRequest = z
  .object({
    KeyId: keyId,
    WrappingAlgorithm: z.enum(WRAPPING_ALGORITHMS, {
      error: `WrappingAlgorithm must be one of ${WRAPPING_ALGORITHMS.join(', ')}`,
    }),
    WrappingKeySpec: z.enum(WRAPPING_KEY_SPECS, {
      error: `WrappingKeySpec must be one of ${WRAPPING_KEY_SPECS.join(', ')}`,
    }),
  })
  .strict();

export const ImportKeyMaterialRequest = z
  .object({
    KeyId: keyId,
    ImportToken: blob('ImportToken'),
    EncryptedKeyMaterial: blob('EncryptedKeyMaterial'),
    ExpirationModel: z
      .enum(['KEY_MATERIAL_DOES_NOT_EXPIRE', 'KEY_MATERIAL_EXPIRES'], {
        error: 'ExpirationModel must be KEY_MATERIAL_DOES_NOT_EXPIRE or KEY_MATERIAL_EXPIRES',
      })
      .optional(),
    ValidTo: z.number({ error: 'ValidTo must be a timestamp (epoch seconds)' }).optional(),
  })
  .strict();
