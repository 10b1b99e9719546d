// Replacing a file so that readers and crashes only ever see the old or the new content, whole:
// a temp file in the same directory, written and fsynced, renamed over the target, then the directory
// fsynced so the rename itself survives a power cut.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Temp files are named `<target>.<pid>.<random>.tmp`; a crash can leave one behind. */
function tempPathFor(target: string): string {
  return `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

export async function writeFileAtomic(target: string, content: string, mode = 0o600): Promise<void> {
  const temp = tempPathFor(target);
  const handle = await fs.open(temp, 'wx', mode);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await fsyncDirectory(path.dirname(target));
}

export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some platforms (Windows) cannot fsync a directory; the rename is as durable as they allow.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM' && (error as NodeJS.ErrnoException).code !== 'EISDIR') {
      throw error;
    }
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
      await fs.rm(path.join(dir, name), { force: true });
    }
  }
}
