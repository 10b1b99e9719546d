// A data folder QKMS cannot use (wrong owner or mode, an immutable folder, a read-only or full file
// system, a file where the folder should be) is a setup problem the user can fix: it is reported as what
// it is — the exact path, the errno, and what to do — not as an internal error with a stack trace.
import path from 'node:path';
import { QkmsError } from '../../shared/errors';

interface Trouble {
  /** What a failed write is: "is not writable" or "cannot be written". */
  write: string;
  reason: string;
  remedy: (folder: string) => string;
}

const PERMISSIONS: Omit<Trouble, 'reason'> = {
  write: 'is not writable',
  remedy: (folder) =>
    `check the permissions of the QKMS data folder ${folder} (QKMS_DATA_DIR): this user must be able to ` +
    'create, write and rename files in it, and it must not be immutable (see `ls -ld` and `lsattr -d`; ' +
    '`chattr -i` clears the flag)',
};
const NOT_A_FOLDER = (folder: string) =>
  `the QKMS data folder ${folder} (QKMS_DATA_DIR) must be a folder; move the file out of the way or set ` +
  'QKMS_DATA_DIR to another folder';

const TROUBLES: Record<string, Trouble> = {
  EACCES: { ...PERMISSIONS, reason: 'permission denied' },
  EPERM: { ...PERMISSIONS, reason: 'operation not permitted' },
  EROFS: {
    write: 'is not writable',
    reason: 'read-only file system',
    remedy: (folder) =>
      `the QKMS data folder ${folder} is on a read-only file system; remount it read-write, or point ` +
      'QKMS_DATA_DIR at a writable folder',
  },
  ENOSPC: {
    write: 'cannot be written',
    reason: 'no space left on the device',
    remedy: (folder) =>
      `free some space on the disk holding the QKMS data folder ${folder} (QKMS_DATA_DIR), then retry`,
  },
  EDQUOT: {
    write: 'cannot be written',
    reason: 'disk quota exceeded',
    remedy: (folder) =>
      `free some space within your quota on the disk holding the QKMS data folder ${folder} (QKMS_DATA_DIR), ` +
      'then retry',
  },
  ENOTDIR: { write: 'is not writable', reason: 'part of its path is a file, not a folder', remedy: NOT_A_FOLDER },
  EEXIST: { write: 'cannot be created', reason: 'a file is in its place', remedy: NOT_A_FOLDER },
};

function troubleOf(error: unknown): [string, Trouble] | undefined {
  if (error instanceof QkmsError) return undefined;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const trouble = code === undefined ? undefined : TROUBLES[code];
  return code !== undefined && trouble ? [code, trouble] : undefined;
}

/**
 * The error to report when a file-system call writing `file` failed: a KMSInternalException naming the
 * path, the errno and the remedy for the "cannot write the data folder" kinds, else the error unchanged.
 * `folder` is the QKMS data folder (default: the folder holding `file`).
 */
export function fsWriteError(error: unknown, file: string, folder: string = path.dirname(file)): unknown {
  const found = troubleOf(error);
  if (!found) return error;
  const [code, trouble] = found;
  return new QkmsError(
    'KMSInternalException',
    `${file} ${trouble.write} (${code}: ${trouble.reason}): ${trouble.remedy(folder)}`,
  );
}

/** The remedy for a failed read of `file` in `folder`, when the errno has one (" (CODE: reason): remedy"). */
export function fsReadTrouble(error: unknown, folder: string): string | undefined {
  const found = troubleOf(error);
  if (!found || found[0] === 'ENOSPC' || found[0] === 'EDQUOT' || found[0] === 'EROFS') return undefined;
  const [code, trouble] = found;
  return ` (${code}: ${trouble.reason}): ${trouble.remedy(folder)}`;
}

/** Runs one file-system call writing `file`, reporting a "cannot write the data folder" failure as fsWriteError does. */
export async function writing<T>(file: string, call: () => Promise<T>, folder?: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw fsWriteError(error, file, folder);
  }
}
