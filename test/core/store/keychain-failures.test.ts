// Keychain trouble on the real keytar module, each in a child process: a locked keyring (its own
// private keyring, locked through the Secret Service D-Bus API), no D-Bus at all, a malformed bus
// address, a D-Bus with no Secret Service, a Secret Service with no login keyring and no way to prompt
// for one, and a D-Bus peer that never answers (a real hang, bounded by the timeout, after which
// the process still exits by itself).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, CHILDREN, kid, PRIVATE_KEYRING, REPO, runChild, TSX } from './helpers';

const SCRIPT = path.join(CHILDREN, 'keychain-scenario.child.ts');
const K1 = kid('k1');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'qkms-failures-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Outcome {
  ok: boolean;
  code?: string;
  message?: string;
  value?: unknown;
}
type Scenario = Record<string, Outcome> & {
  status: { state: string; message: string };
  index: { pending?: unknown[] };
};

function parse(stdout: string, stderr: string): Scenario {
  const line = stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`scenario printed nothing; stderr: ${stderr}`);
  return JSON.parse(line) as Scenario;
}

/** A child env with no keyring of ours in it: it must find nothing, so it never touches a real one. */
function isolatedEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: scratch, XDG_RUNTIME_DIR: scratch, ...extra };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return env;
}

function expectNoSecretService(result: Scenario, detail: RegExp): void {
  expect(result.status.state).toBe('UNAVAILABLE');
  for (const op of ['getSecret', 'getPrivateKey', 'createKey'] as const) {
    expect(result[op]).toMatchObject({ ok: false, code: 'KeyUnavailableException' });
    expect(result[op]?.message).toMatch(/cannot be reached: no Secret Service is running/);
    expect(result[op]?.message).toMatch(detail);
    expect(result[op]?.message).toMatch(/gnome-keyring-daemon --start --components=secrets/);
  }
}

describe('keychain failures (real keytar)', () => {
  it.skipIf(!PRIVATE_KEYRING)('a locked keyring is reported as locked — never NotFound', async () => {
    // Its own private keyring (QKMS_PRIVATE_KEYRING unset makes with-keyring.sh start a fresh one),
    // because locking the shared one would disturb the test files running in parallel.
    const env = { ...process.env };
    delete env.QKMS_PRIVATE_KEYRING;
    const child = spawn('bash', [path.join(REPO, 'scripts/with-keyring.sh'), TSX, SCRIPT, 'locked'], { env });
    const { stdout, stderr } = await collect(child);
    const result = parse(stdout, stderr);
    expect(result.setup).toEqual({ ok: true });
    // The premise (ARCHITECTURE.md): keytar says nothing when locked.
    expect(result.rawGet).toBeNull();
    expect(result.rawDelete).toBe(false);
    expect(result.status.state).toBe('LOCKED');
    for (const op of ['getPrivateKey', 'createKey', 'destroyKey'] as const) {
      expect(result[op]).toMatchObject({ ok: false, code: 'KeyUnavailableException' });
      expect(result[op]?.message).toMatch(/is locked; unlock it/);
    }
    expect(result.destroyKey?.message).toMatch(
      new RegExp(`^key ${K1} was deleted from the index, but its private key is still`),
    );
    expect(result.index.pending).toMatchObject([{ op: 'delete', keyId: K1, ownerPid: 0 }]);
  });

  it('no D-Bus session: "Cannot autolaunch D-Bus" → KeyUnavailableException with the remedy', async () => {
    const env = isolatedEnv({});
    delete env.DBUS_SESSION_BUS_ADDRESS;
    const { stdout, stderr } = await runChild('keychain-scenario.child.ts', ['no-bus'], env);
    expectNoSecretService(parse(stdout, stderr), /Cannot autolaunch D-Bus without X11 \$DISPLAY/);
  });

  it('a bus address pointing nowhere → KeyUnavailableException with the remedy', async () => {
    const env = isolatedEnv({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${scratch}/no-such-bus` });
    const { stdout, stderr } = await runChild('keychain-scenario.child.ts', ['no-bus'], env);
    expectNoSecretService(parse(stdout, stderr), /Could not connect/);
  });

  it('a D-Bus session without any Secret Service → "org.freedesktop.secrets was not provided"', async () => {
    // A session bus with no service directories at all, so nothing can be auto-started on it.
    const config = path.join(scratch, 'empty-bus.conf');
    writeFileSync(
      config,
      '<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" ' +
        '"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd"><busconfig><type>session</type>' +
        `<listen>unix:dir=${scratch}</listen><auth>EXTERNAL</auth><policy context="default">` +
        '<allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>',
    );
    const child = spawn('dbus-run-session', [`--config-file=${config}`, '--', TSX, SCRIPT, 'no-bus'], {
      env: isolatedEnv({}),
    });
    const { stdout, stderr } = await collect(child);
    expectNoSecretService(parse(stdout, stderr), /org\.freedesktop\.secrets was not provided by any \.service files/);
  });

  it('a malformed DBUS_SESSION_BUS_ADDRESS → says it is malformed and what it should look like', async () => {
    const env = isolatedEnv({ DBUS_SESSION_BUS_ADDRESS: 'garbage' });
    const { stdout, stderr } = await runChild('keychain-scenario.child.ts', ['no-bus'], env);
    const result = parse(stdout, stderr);
    expect(result.status.state).toBe('UNAVAILABLE');
    for (const op of ['getSecret', 'getPrivateKey', 'createKey'] as const) {
      expect(result[op]).toMatchObject({ ok: false, code: 'KeyUnavailableException' });
      expect(result[op]?.message).toMatch(
        /cannot be reached: DBUS_SESSION_BUS_ADDRESS is malformed \(Address element .garbage. does not contain a colon/,
      );
      expect(result[op]?.message).toContain('unix:path=/run/user/1000/bus');
      expect(result[op]?.message).not.toMatch(/no Secret Service is running/);
    }
  });

  it('a running Secret Service without a login keyring, where no prompt can be shown → says so, not "no Secret Service"', async () => {
    // A fresh HOME (no keyrings), gnome-keyring started without --unlock, and no display for its prompter.
    const home = mkdtempSync(path.join(scratch, 'no-login-'));
    const env = isolatedEnv({ HOME: home, XDG_RUNTIME_DIR: home });
    delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.QKMS_PRIVATE_KEYRING;
    const child = spawn(
      'dbus-run-session',
      [
        '--',
        'bash',
        '-c',
        'gnome-keyring-daemon --start --components=secrets >/dev/null && exec "$@"',
        'x',
        TSX,
        SCRIPT,
        'no-bus',
      ],
      { env },
    );
    const { stdout, stderr } = await collect(child);
    const result = parse(stdout, stderr);
    expect(result.status.state).toBe('UNAVAILABLE');
    // A read finds nothing (libsecret answers null); the writes are what fail.
    expect(result.getSecret).toEqual({ ok: true, value: null });
    for (const op of ['getPrivateKey', 'createKey'] as const) {
      expect(result[op]).toMatchObject({ ok: false, code: 'KeyUnavailableException' });
      expect(result[op]?.message).toMatch(
        /a Secret Service is running, but its login keyring does not exist or cannot be unlocked here — no unlock prompt can be shown/,
      );
      expect(result[op]?.message).toMatch(
        /Object does not exist at path .\/org\/freedesktop\/secrets\/collection\/login/,
      );
      expect(result[op]?.message).toMatch(/create or unlock the login keyring/);
      expect(result[op]?.message).not.toMatch(/no Secret Service is running/);
    }
  });

  it('a D-Bus peer that never answers → DependencyTimeoutException after the bound, and the process still exits', async () => {
    const env = isolatedEnv({ SCENARIO_TIMEOUT_MS: '300' });
    const started = Date.now();
    const { code, signal, stdout, stderr } = await runChild('keychain-scenario.child.ts', ['hung'], env);
    const result = parse(stdout, stderr);
    // It fell off its end and exited normally: no keytar call was left stuck inside it (keytar runs
    // in a worker, killed on each timeout). Before, not even process.exit() could end it.
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(20_000);
    for (const op of ['getSecret', 'getPrivateKey', 'createKey'] as const) {
      expect(result[op]).toMatchObject({ ok: false, code: 'DependencyTimeoutException' });
      expect(result[op]?.message).toMatch(/did not answer within 0\.3 s; an unlock prompt is probably waiting/);
    }
    // The index was still written after several hung calls: they did not starve the fs thread pool.
    // Their journal entries stay for a later writer (a timed-out call may have landed before the kill).
    expect(result.index.pending).toMatchObject([
      { op: 'create', keyId: kid('k2') },
      { op: 'delete', keyId: K1 },
    ]);
  });
});
