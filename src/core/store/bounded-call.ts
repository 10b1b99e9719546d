// Bounds a call that may never answer. A keychain call can wait forever on an unlock prompt nobody
// answers (or a hung D-Bus peer); the caller gets DependencyTimeoutException instead of a frozen app.
import { QkmsError } from '../../shared/errors';

export const DEFAULT_KEYCHAIN_TIMEOUT_MS = 10_000;

/**
 * Settles like `call`, or rejects with DependencyTimeoutException(`timeoutMessage`) after `timeoutMs`.
 * The underlying call is not cancelled (native keychain calls cannot be): it may still complete later.
 */
export async function bounded<T>(call: Promise<T>, timeoutMs: number, timeoutMessage: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QkmsError('DependencyTimeoutException', timeoutMessage)), timeoutMs);
  });
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
