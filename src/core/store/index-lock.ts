// A cross-process write lock, so the app and the CLI writing the index at once lose no update.
// The lock is a file created atomically (link of a fully written temp file: it either exists with
// its owner's pid, run id and time, or not at all). A lock whose owner process is dead is taken over;
// waiting is bounded and ends in DependencyTimeoutException. Within one process, callers also queue
// in memory so they do not poll each other.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { QkmsError } from '../../shared/errors';
import { fsWriteError, writing } from './fs-errors';
import { isProcessAlive, PROCESS_RUN_ID } from './process-alive';

export const DEFAULT_LOCK_TIMEOUT_MS = 20_000;

interface LockOwner {
  pid: number;
  run: string;
  nonce: string;
  acquiredAt: number;
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `critical` while holding the lock file `lockPath` (and this process's queue for it). */
export async function withFileLock<T>(lockPath: string, timeoutMs: number, critical: () => Promise<T>): Promise<T> {
  const previous = queues.get(lockPath) ?? Promise.resolve();
  const run = previous
    .catch(() => undefined)
    .then(async () => {
      const owner = await acquire(lockPath, timeoutMs);
      try {
        return await critical();
      } finally {
        await release(lockPath, owner);
      }
    });
  queues.set(lockPath, run);
  try {
    return await run;
  } finally {
    if (queues.get(lockPath) === run) queues.delete(lockPath);
  }
}

async function acquire(lockPath: string, timeoutMs: number): Promise<LockOwner> {
  const deadline = Date.now() + timeoutMs;
  const me: LockOwner = { pid: process.pid, run: PROCESS_RUN_ID, nonce: randomBytes(8).toString('hex'), acquiredAt: 0 };
  for (let attempt = 0; ; attempt++) {
    me.acquiredAt = Date.now();
    if (await tryCreate(lockPath, me)) return me;
    const holder = await readOwner(lockPath);
    if (holder && isDead(holder)) await takeOver(lockPath, holder);
    if (Date.now() >= deadline) {
      const held = holder ? ` (held by pid ${holder.pid} since ${new Date(holder.acquiredAt).toISOString()})` : '';
      throw new QkmsError(
        'DependencyTimeoutException',
        `timed out after ${timeoutMs / 1000} s waiting for the index lock ${lockPath}${held}; ` +
          'another QKMS process is writing or is hung — retry, or end the hung process',
      );
    }
    await sleep(Math.min(50, 2 + attempt * 2) * (0.5 + Math.random()));
  }
}

/** Creates the lock file with its full content in one step, or returns false when it exists. */
async function tryCreate(lockPath: string, owner: LockOwner): Promise<boolean> {
  const temp = `${lockPath}.${process.pid}.${owner.nonce}.tmp`;
  // A folder that cannot be written fails here first, with the path and the remedy (fs-errors.ts).
  await writing(temp, () => fs.writeFile(temp, JSON.stringify(owner), { mode: 0o600 }));
  try {
    await fs.link(temp, lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOENT: a lock holder swept our temp file as a crash leftover; just try again.
    if (code === 'EEXIST' || code === 'ENOENT') return false;
    throw fsWriteError(error, lockPath);
  } finally {
    // A temp file left here is swept by the next lock holder (removeLeftoverTempFiles); never fail for it.
    await fs.rm(temp, { force: true }).catch(() => undefined);
  }
}

async function readOwner(lockPath: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await fs.readFile(lockPath, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' && typeof owner.nonce === 'string' ? owner : undefined;
  } catch {
    return undefined; // released meanwhile (or unreadable: then waiting times out with a clear message)
  }
}

function isDead(owner: LockOwner): boolean {
  // Our own pid but another run id: a dead process whose pid we were given.
  if (owner.pid === process.pid) return owner.run !== PROCESS_RUN_ID;
  return !isProcessAlive(owner.pid);
}

/**
 * Removes a dead owner's lock. Done under a second, short-lived guard file so two waiters cannot both
 * decide "stale" and the slower one delete the lock the faster one has just created.
 */
async function takeOver(lockPath: string, stale: LockOwner): Promise<void> {
  const guard = `${lockPath}.takeover`;
  const me: LockOwner = {
    pid: process.pid,
    run: PROCESS_RUN_ID,
    nonce: randomBytes(8).toString('hex'),
    acquiredAt: Date.now(),
  };
  if (!(await tryCreate(guard, me))) {
    // A guard is held only for a few file operations; one older than 5 s, or of a dead owner, was left by a crash.
    const holder = await readOwner(guard);
    if (holder && (isDead(holder) || Date.now() - holder.acquiredAt > 5_000)) await removeIfSame(guard, holder);
    return;
  }
  try {
    await removeIfSame(lockPath, stale);
  } finally {
    await removeIfSame(guard, me);
  }
}

async function release(lockPath: string, owner: LockOwner): Promise<void> {
  await removeIfSame(lockPath, owner);
}

async function removeIfSame(file: string, owner: LockOwner): Promise<void> {
  const current = await readOwner(file);
  if (current?.nonce === owner.nonce) await writing(file, () => fs.rm(file, { force: true }));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
