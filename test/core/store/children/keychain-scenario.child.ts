// Runs the real keytar adapter and key store in one keychain scenario and prints one JSON line of
// outcomes. Scenarios: `locked` (run inside its own private keyring: it locks it), `no-bus`, `hung`
// (a D-Bus socket that never answers). Started by keychain-failures.test.ts.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createKeyStore } from '../../../../src/core/store/key-store';
import { KeytarKeychain } from '../../../../src/core/store/keytar-keychain';
import { CHILD_SPKI, kid } from './store-for-child';

const scenario = process.argv[2];
const K1 = kid('k1');
const outcome = async (call: () => Promise<unknown>) =>
  call().then(
    (value) => ({ ok: true, value: value instanceof Uint8Array ? '<bytes>' : value }),
    (e: { code?: string; message?: string }) => ({ ok: false, code: e.code, message: e.message }),
  );

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'qkms-scenario-'));
  const timeoutMs = Number(process.env.SCENARIO_TIMEOUT_MS ?? 10_000);
  const keychain = new KeytarKeychain({ service: `qkms-scenario-${process.pid}`, timeoutMs });
  const store = createKeyStore({ dataDir: path.join(root, 'data'), keychain });
  const record = (keyId: string) => ({
    keyId,
    keySpec: 'ECC_NIST_P256' as const,
    keyUsage: 'DERIVE_SHARED_SECRET' as const,
    origin: 'AWS_KMS' as const,
    state: 'Enabled' as const,
    description: '',
    creationDate: Date.now(),
    publicKeySpki: CHILD_SPKI,
    tags: [],
  });
  const result: Record<string, unknown> = { scenario };
  if (scenario !== 'locked') {
    // A listed key whose item cannot be reached: must be KeyUnavailable/DependencyTimeout, never NotFound.
    mkdirSync(path.dirname(store.indexFile), { recursive: true });
    writeFileSync(store.indexFile, JSON.stringify({ version: 1, keys: { [K1]: record(K1) }, aliases: {} }));
  }
  let silentBus: net.Server | undefined;
  if (scenario === 'hung') {
    // Something listens on the bus address, reads, but never speaks: libsecret waits forever.
    const socket = path.join(root, 'bus');
    silentBus = net.createServer((connection) => connection.resume());
    await new Promise<void>((resolve) => silentBus?.listen(socket, resolve));
    process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${socket}`;
  }
  if (scenario === 'locked') {
    result.setup = await outcome(() => store.createKey(record(K1), randomBytes(32)));
    execFileSync('gdbus', [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.secrets',
      '--object-path',
      '/org/freedesktop/secrets',
      '--method',
      'org.freedesktop.Secret.Service.Lock',
      "['/org/freedesktop/secrets/collection/login']",
    ]);
    // The premise: keytar itself reports nothing on a locked keyring.
    result.rawGet = await keychain.getSecret(`key/${K1}`);
    result.rawDelete = await keychain.deleteSecret(`key/${K1}`);
  }
  const started = Date.now();
  result.status = await keychain.status();
  result.getSecret = await outcome(() => keychain.getSecret('key/none'));
  result.getPrivateKey = await outcome(() => store.getPrivateKey(K1));
  result.createKey = await outcome(() => store.createKey(record(kid('k2')), randomBytes(32)));
  result.destroyKey = await outcome(() => store.destroyKey(K1));
  result.elapsedMs = Date.now() - started;
  result.index = JSON.parse(readFileSync(store.indexFile, 'utf8') || 'null');
  rmSync(root, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  // Then fall off the end, even after hung calls: keytar ran in a worker that was killed on each
  // timeout, so no thread of this process is stuck and it exits by itself (the test checks it does).
  silentBus?.close();
}

void main().catch((e: unknown) => {
  process.stderr.write(`scenario failed: ${String(e)}\n`);
  process.exit(1);
});
