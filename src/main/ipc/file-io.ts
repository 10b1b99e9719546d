// Small, careful file access for the desktop actions: bounded reads of key files, atomic writes of
// exported public keys. Failures become QkmsErrors the renderer can show.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { QkmsError } from '../../shared/errors';

/** Key files are a few hundred bytes; anything much larger is not a key. */
export const MAX_KEY_FILE_BYTES = 64 * 1024;

function fsError(error: unknown, action: string, path: string): QkmsError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown error';
  if (code === 'ENOENT') return new QkmsError('NotFoundException', `Cannot ${action} ${path}: it does not exist.`);
  if (code === 'EACCES' || code === 'EPERM') {
    return new QkmsError('AccessDeniedException', `Cannot ${action} ${path}: permission denied.`);
  }
  if (code === 'EISDIR') return new QkmsError('ValidationException', `Cannot ${action} ${path}: it is a directory.`);
  return new QkmsError('KMSInternalException', `Cannot ${action} ${path} (${code}).`);
}

/** Reads a regular file of at most `maxBytes` bytes. Never reads more than `maxBytes + 1` bytes. */
export async function readSmallFile(path: string, maxBytes = MAX_KEY_FILE_BYTES): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fsError(error, 'read', path);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new QkmsError('ValidationException', `${path} is not a regular file.`);
    const tooLarge = () =>
      new QkmsError('ValidationException', `${path} is larger than ${maxBytes / 1024} KiB; it is not a key file.`);
    if (stat.size > maxBytes) throw tooLarge();
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) {
        buffer.fill(0);
        throw tooLarge();
      }
    }
    if (length === 0) throw new QkmsError('ValidationException', `${path} is empty.`);
    const contents = Buffer.from(buffer.subarray(0, length));
    buffer.fill(0);
    return contents;
  } catch (error) {
    throw error instanceof QkmsError ? error : fsError(error, 'read', path);
  } finally {
    await handle.close();
  }
}

/** Writes `data` to `path` through a temporary file in the same directory and a rename, so the
 *  destination is either the old file or the complete new one, never a partial write. */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw fsError(error, 'write', path);
  }
}
