// importKeyFromFile: the main process picks and reads the PKCS#8 file itself, so the private key never
// passes through the renderer. Never log the file's contents; they are key material.
import { REQUEST_SCHEMAS } from '../../shared/operations';
import { describeIssues } from '../../shared/validation';
import type { Result } from '../../shared/errors';
import type { Responses } from '../../shared/operations';
import type { DesktopDialogs } from './dialogs';
import { readSmallFile } from './file-io';
import { fail, ok } from './results';
import { isFreeOfSecrets } from './secret-guard';
import type { KmsServicePort } from './service-port';

/** The ImportKey request without its PrivateKey; strict, so a renderer cannot smuggle one in. */
const ImportFromFileRequest = REQUEST_SCHEMAS.ImportKey.omit({ PrivateKey: true });

export const PRIVATE_KEY_FILE_FILTERS = [
  { name: 'PKCS#8 private key', extensions: ['pem', 'der', 'p8', 'pk8', 'key'] },
  { name: 'All files', extensions: ['*'] },
];

export async function importKeyFromFile(
  service: KmsServicePort,
  dialogs: DesktopDialogs,
  payload: unknown,
): Promise<Result<Responses['ImportKey'] | { Canceled: true }>> {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return fail('ValidationException', 'The importKeyFromFile request must be a JSON object');
  }
  const parsed = ImportFromFileRequest.safeParse(payload, { reportInput: true });
  if (!parsed.success) return fail('ValidationException', describeIssues(parsed.error.issues));

  const path = await dialogs.chooseFileToOpen({
    purpose: 'importPrivateKey',
    title: 'Import a private key (PKCS#8, PEM or DER)',
    filters: PRIVATE_KEY_FILE_FILTERS,
  });
  if (!path) return ok({ Canceled: true });

  const file = await readSmallFile(path);
  const privateKey = file.toString('base64');
  try {
    const result = await service.call('ImportKey', { ...payload, PrivateKey: privateKey });
    if (!isFreeOfSecrets(result, [privateKey, file.toString('hex')])) {
      return fail('KMSInternalException', 'The import result was withheld because it contained key material.');
    }
    return result;
  } finally {
    file.fill(0);
  }
}
