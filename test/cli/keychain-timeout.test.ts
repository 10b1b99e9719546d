// A keychain that never answers, as a user meets it from the CLI: `qkms derive-shared-secret` with a D-Bus
// session bus that accepts connections but never speaks (libsecret then waits forever). The command must
// report DependencyTimeoutException after QKMS_KEYCHAIN_TIMEOUT_MS — and then exit, with its normal exit
// code. (Before keytar ran in a worker process, the stuck libsecret call kept the process from exiting.)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QKMS_BIN } from '../support/run-cli';

const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const PEER_PUBLIC_KEY =
  'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAENk51awCEq4+ckQ2cKZGosASMs7YIdRmSZW3SNfsvexmV7iCfWrnev+OoBAiIqRR9nskL1NE90cf16+0mLlM5PQ==';
const TIMEOUT_MS = 500;
/** The old fault hung forever; give up on the child well before vitest would. */
const KILL_AFTER_MS = 40_000;

const PEER_SPKI =
  'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAENk51awCEq4+ckQ2cKZGosASMs7YIdRmSZW3SNfsvexmV7iCfWrnev+OoBAiIqRR9nskL1NE90cf16+0mLlM5PQ==';
const scratch = mkdtempSync(path.join(tmpdir(), 'qkms-cli-hung-'));
// Accepts, reads and never answers. (Reading, so it sees a client go away and close() can finish.)
const silentBus = net.createServer((socket) => socket.resume());
const busPath = path.join(scratch, 'bus');

beforeAll(async () => {
  await new Promise<void>((resolve) => silentBus.listen(busPath, resolve));
  // One listed key, so derive-shared-secret gets as far as the keychain. No keychain item is needed.
  const dataDir = path.join(scratch, 'data');
  mkdirSync(dataDir, { recursive: true });
  const record = {
    keyId: KEY_ID,
    keySpec: 'ECC_NIST_P256',
    keyUsage: 'DERIVE_SHARED_SECRET',
    origin: 'AWS_KMS',
    state: 'Enabled',
    description: '',
    creationDate: 1_700_000_000_000,
    // A valid P-256 public key (case 01's peer): the index is validated when read.
    publicKeySpki: PEER_SPKI,
    tags: [],
  };
  writeFileSync(
    path.join(dataDir, 'keys.json'),
    JSON.stringify({ version: 1, keys: { [KEY_ID]: record }, aliases: {} }),
  );
});
afterAll(async () => {
  await new Promise((resolve) => silentBus.close(resolve));
  rmSync(scratch, { recursive: true, force: true });
});

function hungEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: scratch,
    XDG_RUNTIME_DIR: scratch,
    DBUS_SESSION_BUS_ADDRESS: `unix:path=${busPath}`,
    QKMS_DATA_DIR: path.join(scratch, 'data'),
    QKMS_KEYCHAIN_SERVICE: `qkms-test-hung-${process.pid}`,
    QKMS_KEYCHAIN_TIMEOUT_MS: String(TIMEOUT_MS),
    ...extra,
  };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return env;
}

interface TimedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** ms from start until the error line appeared on stderr (undefined: it never did). */
  errorAtMs?: number;
  exitAtMs: number;
}

function runTimed(args: string[], env: NodeJS.ProcessEnv): Promise<TimedRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [QKMS_BIN, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const killer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
  let stderr = '';
  let errorAtMs: number | undefined;
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (errorAtMs === undefined && stderr.includes('An error occurred')) errorAtMs = Date.now() - started;
  });
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stderr, errorAtMs, exitAtMs: Date.now() - started });
    }),
  );
}

describe('qkms with a keychain that never answers', () => {
  it('derive-shared-secret reports DependencyTimeoutException after the bound, then exits 254 promptly', async () => {
    const run = await runTimed(
      ['derive-shared-secret', '--key-id', KEY_ID, '--public-key', PEER_PUBLIC_KEY],
      hungEnv(),
    );
    expect(run.signal, `still running after ${KILL_AFTER_MS} ms; stderr: ${run.stderr}`).toBeNull();
    expect(run.code).toBe(254);
    expect(run.stderr).toMatch(
      /^An error occurred \(DependencyTimeoutException\) when calling the DeriveSharedSecret operation: the OS keychain \(service "qkms-test-hung-\d+"\) did not answer within 0\.5 s; an unlock prompt is probably waiting/,
    );
    expect(run.errorAtMs).toBeGreaterThanOrEqual(TIMEOUT_MS);
    // The point of the fix: nothing of the stuck call is left in the process to wait for.
    expect(run.exitAtMs - (run.errorAtMs ?? 0)).toBeLessThan(3000);
  });

  it('rejects a QKMS_KEYCHAIN_TIMEOUT_MS out of range or not a number, before touching the keychain', () => {
    for (const value of ['99', '600001', '1e3', 'ten']) {
      const run = spawnSync(process.execPath, [QKMS_BIN, 'list-keys'], {
        env: hungEnv({ QKMS_KEYCHAIN_TIMEOUT_MS: value }),
        encoding: 'utf8',
        timeout: KILL_AFTER_MS,
      });
      expect(run.status, value).toBe(254);
      expect(run.stderr).toContain(
        `(ValidationException) when calling the ListKeys operation: QKMS_KEYCHAIN_TIMEOUT_MS must be a whole number of milliseconds from 100 to 600000, got '${value}'`,
      );
    }
  });
});
