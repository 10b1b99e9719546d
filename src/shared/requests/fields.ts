// Field schemas shared by the request schemas. Messages name the field's rule, so a ValidationException
// can say exactly what is wrong ("PendingWindowInDays: must be an integer from 7 to 30").
import { z } from 'zod';
import { KEY_SPECS, KEY_USAGE_INPUTS, KEY_AGREEMENT_ALGORITHMS } from '../key-spec';

export const BLOB = 'blob';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A JSON 1.1 blob: standard base64 of the bytes, padded. */
export const blob = (what: string) =>
  z
    .string({ error: `${what} must be a base64 string` })
    .min(1, `${what} must not be empty`)
    .max(16384, `${what} is longer than 16384 base64 characters`)
    .regex(BASE64, `${what} is not valid base64 (standard alphabet, padded)`)
    // Marks the field as a blob, so the CLI reads it from fileb:// and file:// and decodes pasted text.
    .describe(BLOB);

export const keyId = z
  .string({ error: 'KeyId must be a string: a key id, key ARN, alias name (alias/...) or alias ARN' })
  .min(1, 'KeyId must not be empty')
  .max(2048, 'KeyId must be at most 2048 characters');

export const aliasName = z
  .string({ error: 'AliasName must be a string starting with alias/' })
  .min(1, 'AliasName must not be empty')
  .max(256, 'AliasName must be at most 256 characters');

export const limit = z
  .number({ error: 'Limit must be a number' })
  .int('Limit must be an integer')
  .min(1, 'Limit must be from 1 to 1000')
  .max(1000, 'Limit must be from 1 to 1000');

export const marker = z
  .string({ error: 'Marker must be a string returned as NextMarker' })
  .min(1, 'Marker must not be empty')
  .max(1024, 'Marker must be at most 1024 characters');

export const grantTokens = z
  .array(z.string().min(1).max(8192), { error: 'GrantTokens must be a list of strings' })
  .max(10, 'GrantTokens may hold at most 10 tokens');

export const keySpec = z.enum(KEY_SPECS, { error: `KeySpec must be one of ${KEY_SPECS.join(', ')}` });
export const keyUsage = z.enum(KEY_USAGE_INPUTS, {
  error: `KeyUsage must be one of ${KEY_USAGE_INPUTS.join(', ')}`,
});
export const keyAgreementAlgorithm = z.enum(KEY_AGREEMENT_ALGORITHMS, {
  error: `KeyAgreementAlgorithm must be ${KEY_AGREEMENT_ALGORITHMS.join(' or ')}`,
});

export const description = z
  .string({ error: 'Description must be a string' })
  .max(8192, 'Description must be at most 8192 characters');

export const tagKey = z
  .string({ error: 'TagKey must be a string' })
  .min(1, 'TagKey must not be empty')
  .max(128, 'TagKey must be at most 128 characters');
export const tagValue = z
  .string({ error: 'TagValue must be a string' })
  .max(256, 'TagValue must be at most 256 characters');
export const tags = z
  .array(z.object({ TagKey: tagKey, TagValue: tagValue }).strict(), {
    error: 'Tags must be a list of {TagKey, TagValue}',
  })
  .max(50, 'Tags may hold at most 50 tags');

export const dryRun = z.boolean({ error: 'DryRun must be true or false' });
