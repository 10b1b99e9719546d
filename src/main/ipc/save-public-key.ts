// savePublicKey: fetches the key's public key from the core, formats it (DER, PEM or JWK), asks where to
// save it, and writes it atomically.
import { z } from 'zod';
import type { Result } from '../../shared/errors';
import { describeIssues } from '../../shared/validation';
import { keyId } from '../../shared/requests/fields';
import type { DesktopDialogs } from './dialogs';
import { writeFileAtomic } from './file-io';
import { formatPublicKey } from './public-key-export';
import { fail, ok } from './results';
import type { KmsServicePort } from './service-port';

const SavePublicKeyRequest = z
  .object({
    KeyId: keyId,
    Format: z.enum(['DER', 'PEM', 'JWK'], { error: 'Format must be one of DER, PEM, JWK' }),
  })
  .strict();

/** `arn:aws:kms:…:key/<id>` or `<id>` → `<id>`, for a file name. */
const shortKeyId = (id: string): string => (id.split('/').pop() ?? id).replace(/[^A-Za-z0-9._-]/g, '_');

export async function savePublicKey(
  service: KmsServicePort,
  dialogs: DesktopDialogs,
  payload: unknown,
): Promise<Result<{ Path: string } | { Canceled: true }>> {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return fail('ValidationException', 'The savePublicKey request must be a JSON object');
  }
  const parsed = SavePublicKeyRequest.safeParse(payload, { reportInput: true });
  if (!parsed.success) return fail('ValidationException', describeIssues(parsed.error.issues));
  const { KeyId, Format } = parsed.data;

  const publicKey = await service.call('GetPublicKey', { KeyId });
  if (!publicKey.ok) return publicKey;
  const file = formatPublicKey(publicKey.value.PublicKey, publicKey.value.KeySpec, Format);

  const path = await dialogs.chooseFileToSave({
    purpose: 'savePublicKey',
    title: `Save the public key as ${Format}`,
    defaultName: `${shortKeyId(publicKey.value.KeyId)}-public.${file.extension}`,
    filters: [file.filter],
  });
  if (!path) return ok({ Canceled: true });
  await writeFileAtomic(path, file.contents);
  return ok({ Path: path });
}
