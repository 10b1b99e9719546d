// The timeout wrapper and the keytar adapter's failure paths, with stubbed keytar modules.
import { describe, expect, it } from 'vitest';
import { QkmsError } from '../../../src/shared/errors';
import { bounded } from '../../../src/core/store/bounded-call';
import { classifyKeychainMessage } from '../../../src/core/store/keychain-errors';
import { KeytarKeychain, type KeytarApi } from '../../../src/core/store/keytar-keychain';

const never = <T>() => new Promise<T>(() => undefined);
const hungKeytar: KeytarApi = { getPassword: never, setPassword: never, deletePassword: never };

describe('bounded()', () => {
  it('rejects with DependencyTimeoutException when the call never answers', async () => {
    const started = Date.now();
    const error = await bounded(never(), 50, 'it hung').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QkmsError);
    expect((error as QkmsError).code).toBe('DependencyTimeoutException');
    expect((error as QkmsError).message).toBe('it hung');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('passes results and errors through unchanged', async () => {
    await expect(bounded(Promise.resolve(7), 50, 'x')).resolves.toBe(7);
    await expect(bounded(Promise.reject(new Error('boom')), 50, 'x')).rejects.toThrow('boom');
  });
});

describe('KeytarKeychain failure paths (stubbed keytar)', () => {
  it('bounds every call and names the keychain and the unlock prompt', async () => {
    const keychain = new KeytarKeychain({ service: 'svc-x', timeoutMs: 40, load: async () => hungKeytar });
    for (const call of [
      () => keychain.getSecret('a'),
      () => keychain.setSecret('a', 'b'),
      () => keychain.deleteSecret('a'),
    ]) {
      const error = (await call().catch((e: unknown) => e)) as QkmsError;
      expect(error.code).toBe('DependencyTimeoutException');
      expect(error.message).toMatch(/service "svc-x".*did not answer within 0\.04 s.*unlock prompt/);
    }
    const status = await keychain.status();
    expect(status.state).toBe('UNAVAILABLE');
    expect(status.message).toMatch(/did not answer/);
  });

  it('while a timed-out call is still stuck, later calls fail fast; then it recovers', async () => {
    let answer: (value: string | null) => void = () => undefined;
    let calls = 0;
    const slow: KeytarApi = {
      ...hungKeytar,
      getPassword: () => (calls++ === 0 ? new Promise((resolve) => (answer = resolve)) : Promise.resolve('ok')),
    };
    const keychain = new KeytarKeychain({ service: 'svc-s', timeoutMs: 40, load: async () => slow });
    await expect(keychain.getSecret('a')).rejects.toMatchObject({ code: 'DependencyTimeoutException' });
    const started = Date.now();
    const error = (await keychain.getSecret('a').catch((e: unknown) => e)) as QkmsError;
    expect(error.message).toMatch(/an earlier call is still waiting/);
    expect(Date.now() - started).toBeLessThan(30);
    expect(calls).toBe(1); // no second native call stacked on the thread pool
    answer(null);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(keychain.getSecret('a')).resolves.toBe('ok');
  });

  it('reports a native module that cannot be loaded as KeyUnavailableException with the remedy', async () => {
    const keychain = new KeytarKeychain({
      service: 'svc-x',
      load: () => import('@github/keytar-not-installed' as string),
    });
    const error = (await keychain.getSecret('a').catch((e: unknown) => e)) as QkmsError;
    expect(error.code).toBe('KeyUnavailableException');
    expect(error.message).toMatch(
      /OS keychain module could not be loaded \(.*keytar-not-installed.*\); run `npm rebuild @github\/keytar`/,
    );
    expect((await keychain.status()).state).toBe('UNAVAILABLE');
  });

  it('importing the adapter does not load keytar', async () => {
    let loads = 0;
    const keychain = new KeytarKeychain({ service: 's', load: async () => (loads++, hungKeytar) });
    expect(loads).toBe(0);
    void keychain.description;
    expect(loads).toBe(0);
  });

  it('maps keytar messages to the state they mean', () => {
    expect(classifyKeychainMessage('Cannot create an item in a locked collection')).toBe('LOCKED');
    expect(classifyKeychainMessage('Cannot autolaunch D-Bus without X11 $DISPLAY')).toBe('UNAVAILABLE');
    expect(classifyKeychainMessage('The name org.freedesktop.secrets was not provided by any .service files')).toBe(
      'UNAVAILABLE',
    );
    expect(classifyKeychainMessage('Could not connect: No such file or directory')).toBe('UNAVAILABLE');
    expect(classifyKeychainMessage('something else')).toBe('OTHER');
  });

  it('a locked write becomes KeyUnavailableException "locked", and status() says LOCKED', async () => {
    const locked: KeytarApi = {
      getPassword: async () => null,
      deletePassword: async () => false,
      setPassword: async () => {
        throw new Error('Cannot create an item in a locked collection');
      },
    };
    const keychain = new KeytarKeychain({ service: 'svc-l', load: async () => locked });
    const error = (await keychain.setSecret('a', 'b').catch((e: unknown) => e)) as QkmsError;
    expect(error.code).toBe('KeyUnavailableException');
    expect(error.message).toMatch(/service "svc-l"\) is locked; unlock it/);
    expect(await keychain.status()).toEqual({ state: 'LOCKED', message: error.message });
  });
});
