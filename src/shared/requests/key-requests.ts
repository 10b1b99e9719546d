// Request schemas of the key-management operations (wire shape: PascalCase, blobs as base64).
import { z } from 'zod';
import { blob, description, grantTokens, keyId, keySpec, keyUsage, limit, marker, tags } from './fields';

export const CreateKeyRequest = z
  .object({
    KeySpec: keySpec,
    KeyUsage: keyUsage.optional(),
    Description: description.optional(),
    Tags: tags.optional(),
    Origin: z.enum(['AWS_KMS', 'EXTERNAL'], { error: 'Origin must be AWS_KMS or EXTERNAL' }).optional(),
  })
  .strict();

/**
 * QKMS's one-step local import: a PKCS#8 private key (PEM or DER bytes) becomes an EXTERNAL key. KeySpec
 * may be left out (the file names its curve); when given, a key of another curve is refused.
 */
export const ImportKeyRequest = z
  .object({
    KeySpec: keySpec.optional(),
    KeyUsage: keyUsage.optional(),
    Description: description.optional(),
    Tags: tags.optional(),
    PrivateKey: blob('PrivateKey'),
  })
  .strict();

const byKeyId = z.object({ KeyId: keyId, GrantTokens: grantTokens.optional() }).strict();
export const DescribeKeyRequest = byKeyId;
export const GetPublicKeyRequest = byKeyId;
export const EnableKeyRequest = z.object({ KeyId: keyId }).strict();
export const DisableKeyRequest = z.object({ KeyId: keyId }).strict();
export const CancelKeyDeletionRequest = z.object({ KeyId: keyId }).strict();

export const ScheduleKeyDeletionRequest = z
  .object({
    KeyId: keyId,
    PendingWindowInDays: z
      .number({ error: 'PendingWindowInDays must be a number' })
      .int('PendingWindowInDays must be an integer from 7 to 30')
      .min(7, 'PendingWindowInDays must be an integer from 7 to 30')
      .max(30, 'PendingWindowInDays must be an integer from 7 to 30')
      .optional(),
  })
  .strict();

export const ListKeysRequest = z.object({ Limit: limit.optional(), Marker: marker.optional() }).strict();
/** QKMS extension: ListKeys with each key's metadata and aliases, read from the index in one call. */
export const ListKeyDetailsRequest = ListKeysRequest;
/** QKMS extension: the state of the OS keychain, so every adapter can show it. */
export const GetKeychainStatusRequest = z.object({}).strict();
