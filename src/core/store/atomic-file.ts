// Replacing a file so that readers and crashes only ever see the old or the new content, whole:
// a temp file in the same directory, written and fsynced, renamed over the target, then the directory
// fsynced so the rename itself survives a power cut. A folder that cannot be written (permissions, an
// immutable flag, a read-only or full file system) fails with the exact path and the remedy (fs-errors.ts).
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fsWriteError, writing } from './fs-errors';

/** Temp files are named `<target>.<pid>.<random>.tmp`; a crash can leave one behind. */
function tempPathFor(target: string): string {
  return `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

export async function writeFileAtomic(target: string, content: string, mode = 0o600): Promise<void> {
  const temp = tempPathFor(target);
  const handle = await writing(temp, () => fs.open(temp, 'wx', mode));
  try {
    await writing(temp, async () => {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    });
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined); // else swept by the next writer
    throw error;
  }
  await writing(temp, () => handle.close());
  try {
    await writing(target, () => fs.rename(temp, target));
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(path.dirname(target));
}

export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await writing(dir, () => fs.open(dir, 'r'), dir);
  try {
    await handle.sync();
  } catch (error) {
    // Some platforms (Windows) cannot fsync a directory; the rename is as durable as they allow.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'EISDIR') throw fsWriteError(error, dir, dir);
  } finally {
    await handle.close();
  }
}

/**
 * Removes temp files of `target` left by a process killed mid-write. Call only while holding the
 * write lock: then no live writer can own one of them.
 */
export async function removeLeftoverTempFiles(target: string): Promise<void> {
  const dir = path.dirname(target);
  const prefix = `${path.basename(target)}.`;
  for (const name of await fs.readdir(dir)) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) {
      const leftover = path.join(dir, name);
      await writing(leftover, () => fs.rm(leftover, { force: true }));
    }
  }
}
