// The API client the UI talks to. In the app it is `window.qkms` (the preload's object, one named
// function per operation); anywhere else it can be swapped for another object of the same type
// (mockoon's MainApiService / window.api split), which is how the browser e2e tests drive the real UI.
import type { QkmsApi } from '../../../shared/ipc-contract';
import type { Result, WireError } from '../../../shared/errors';

export type QkmsClient = QkmsApi;

const MISSING: WireError = {
  __type: 'KMSInternalException',
  message: 'No QKMS backend is connected (window.qkms is missing). Open this page from QKMS Desktop.',
};

/** A client whose every call fails with one clear message: the UI still renders and says why. */
function disconnectedClient(): QkmsClient {
  return new Proxy({} as QkmsClient, {
    get: () => () => Promise.resolve({ ok: false, error: MISSING }),
  });
}

export function pickClient(): QkmsClient {
  // Read without augmenting Window: the preload's own declaration owns that type.
  const injected = (window as unknown as { qkms?: QkmsClient }).qkms;
  return injected ?? disconnectedClient();
}

/**
 * Awaits a call and never throws: an IPC failure (a rejected promise, e.g. a closed channel) becomes the
 * same error value the service returns, so every caller handles exactly one shape.
 */
export async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    const result = await call();
    if (result && typeof result === 'object' && 'ok' in result) return result;
    return { ok: false, error: { __type: 'KMSInternalException', message: 'The backend returned no result.' } };
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { ok: false, error: { __type: 'KMSInternalException', message } };
  }
}
