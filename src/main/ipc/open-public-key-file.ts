// openPublicKeyFile: a file dialog for a peer public key (or an RSA recipient key); the renderer gets the
// bytes as base64 and feeds them to the same intake as pasted text.
import { basename } from 'node:path';
import type { Result } from '../../shared/errors';
import type { DesktopDialogs } from './dialogs';
import { readSmallFile } from './file-io';
import { fail, ok } from './results';

export const PUBLIC_KEY_FILE_FILTERS = [
  { name: 'Public keys', extensions: ['pem', 'der', 'pub', 'spki', 'jwk', 'json', 'txt', 'hex'] },
  { name: 'All files', extensions: ['*'] },
];

export async function openPublicKeyFile(
  dialogs: DesktopDialogs,
  payload: unknown,
): Promise<Result<{ Contents: string; FileName: string } | { Canceled: true }>> {
  const isEmptyObject =
    typeof payload === 'object' && payload !== null && !Array.isArray(payload) && Object.keys(payload).length === 0;
  if (payload !== undefined && !isEmptyObject) {
    return fail('ValidationException', 'openPublicKeyFile takes no parameters');
  }
  const path = await dialogs.chooseFileToOpen({
    purpose: 'openPublicKey',
    title: 'Open a public key',
    filters: PUBLIC_KEY_FILE_FILTERS,
  });
  if (!path) return ok({ Canceled: true });
  const contents = await readSmallFile(path);
  return ok({ Contents: contents.toString('base64'), FileName: basename(path) });
}
