// The keychain worker process (keychain-worker.cjs) behind KeytarKeychain, with real processes: a worker
// that crashes or exits fails only the call in flight and the next call forks a fresh one; a call that
// times out kills its worker; a missing worker or keytar module is reported with the remedy; and a worker
// never keeps its parent alive, nor outlives it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { QkmsError } from '../../../src/shared/errors';
import { KeytarKeychain } from '../../../src/core/store/keytar-keychain';
import { CHILDREN, PRIVATE_KEYRING, startChild, collect, uniqueService } from './helpers';

const TEST_WORKER = path.join(CHILDREN, 'test-keychain-worker.cjs');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'qkms-worker-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A process id names a live process (a zombie, or no /proc entry, counts as gone). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function gone(pid: number, withinMs = 3000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

const failure = (call: Promise<unknown>) =>
  call.then(
    () => undefined,
    (e: unknown) => e as QkmsError,
  );

/** Environment for children that must not reach any real keyring when not inside with-keyring.sh. */
function childEnv(): NodeJS.ProcessEnv {
  if (PRIVATE_KEYRING) return process.env;
  const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${scratch}/no-such-bus` };
  delete env.DISPLAY;
  return env;
}

describe('the keychain worker process', () => {
  it('a worker that crashes (SIGSEGV) or exits fails only the call in flight; the next call forks a fresh one', async () => {
    const keychain = new KeytarKeychain({ service: 'svc-crash', workerPath: TEST_WORKER });
    const first = Number(await keychain.getSecret('whoami'));

    const crash = await failure(keychain.getSecret('crash-me'));
    expect(crash?.code).toBe('KeyUnavailableException');
    expect(crash?.message).toBe(
      'the OS keychain (service "svc-crash") cannot be used: the keychain worker process was killed by SIGSEGV ' +
        'during the call; retry (a new worker is started)',
    );
    const second = Number(await keychain.getSecret('whoami'));
    expect(second).not.toBe(first);

    const exit = await failure(keychain.getSecret('exit-3'));
    expect(exit?.code).toBe('KeyUnavailableException');
    expect(exit?.message).toMatch(/the keychain worker process exited with code 3 during the call/);
    expect(Number(await keychain.getSecret('whoami'))).not.toBe(second);
  });

  it.skipIf(!PRIVATE_KEYRING)('after a crash, the real keychain works again through a new worker', async () => {
    const service = uniqueService('worker');
    const keychain = new KeytarKeychain({ service, workerPath: TEST_WORKER });
    await expect(keychain.getSecret('crash-me')).rejects.toMatchObject({ code: 'KeyUnavailableException' });
    await keychain.setSecret('a', 'secret-a');
    expect(await keychain.getSecret('a')).toBe('secret-a');
    expect(await keychain.deleteSecret('a')).toBe(true);
    expect(await keychain.status()).toEqual({ state: 'READY', message: '' });
  });

  it('a call that runs out of time kills its worker; the next call gets a fresh one', async () => {
    const keychain = new KeytarKeychain({ service: 'svc-hang', timeoutMs: 300, workerPath: TEST_WORKER });
    const first = Number(await keychain.getSecret('whoami'));
    const started = Date.now();
    const error = await failure(keychain.getSecret('hang-me'));
    expect(error?.code).toBe('DependencyTimeoutException');
    expect(error?.message).toMatch(
      /^the OS keychain \(service "svc-hang"\) did not answer within 0\.3 s; an unlock prompt/,
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await gone(first)).toBe(true);
    // No "an earlier call is still waiting": nothing is stuck any more.
    const second = Number(await keychain.getSecret('whoami'));
    expect(second).not.toBe(first);
    expect(alive(second)).toBe(true);
  });

  it('a missing worker script, or a keytar the worker cannot load, is KeyUnavailableException with the remedy', async () => {
    const missing = new KeytarKeychain({ service: 'svc-m', workerPath: path.join(scratch, 'no-such-worker.cjs') });
    const noWorker = await failure(missing.getSecret('a'));
    expect(noWorker?.code).toBe('KeyUnavailableException');
    expect(noWorker?.message).toMatch(
      /cannot be used: the keychain worker .*no-such-worker\.cjs is missing; reinstall QKMS/,
    );

    const noKeytar = new KeytarKeychain({
      service: 'svc-k',
      workerPath: path.join(CHILDREN, 'no-keytar-keychain-worker.cjs'),
    });
    const error = await failure(noKeytar.setSecret('a', 'b'));
    expect(error?.code).toBe('KeyUnavailableException');
    expect(error?.message).toBe(
      "the OS keychain module could not be loaded (Cannot find module '@github/keytar'); run `npm rebuild @github/keytar`" +
        ' (for the desktop app: rebuild it for Electron with `npx electron-rebuild -f -w @github/keytar`)',
    );
    expect((await noKeytar.status()).state).toBe('UNAVAILABLE');
  });

  it('a process that made a keychain call and falls off its end exits by itself, and its worker goes too', async () => {
    const started = Date.now();
    const { code, signal, stdout, stderr } = await collect(
      startChild('one-keychain-call.child.ts', ['end'], childEnv()),
    );
    expect({ code, signal }, stderr).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(15_000); // tsx start included; an idle worker would hold it forever
    const { workerPid, outcome } = JSON.parse(stdout) as { workerPid: number; outcome: { ok: boolean } };
    expect(outcome.ok).toBe(PRIVATE_KEYRING); // a real keytar call ran (no bus outside with-keyring.sh)
    expect(await gone(workerPid)).toBe(true);
  });

  async function killParentThenWatchWorker(mode: 'wait' | 'hung', env: NodeJS.ProcessEnv): Promise<void> {
    const child = startChild('one-keychain-call.child.ts', [mode], env);
    const line = await new Promise<string>((resolve) =>
      child.stdout?.once('data', (d: Buffer) => resolve(d.toString())),
    );
    const { workerPid } = JSON.parse(line) as { workerPid: number };
    if (mode === 'hung') await new Promise((resolve) => setTimeout(resolve, 300)); // the call reaches libsecret
    expect(alive(workerPid)).toBe(true);
    child.kill('SIGKILL');
    expect(await gone(workerPid)).toBe(true);
  }

  it('a worker does not outlive a parent that is SIGKILLed — idle, or with a call stuck in libsecret', async () => {
    await killParentThenWatchWorker('wait', childEnv());
    // A stuck libsecret call would keep the worker from exiting normally (the very fault it contains);
    // it kills itself when its parent goes away.
    const bus = path.join(scratch, 'silent-bus');
    const silent = net.createServer((socket) => socket.resume());
    await new Promise<void>((resolve) => silent.listen(bus, resolve));
    try {
      await killParentThenWatchWorker('hung', { ...childEnv(), DBUS_SESSION_BUS_ADDRESS: `unix:path=${bus}` });
    } finally {
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
