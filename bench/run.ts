// `npm run bench`: signed DeriveSharedSecret requests per second through the unmodified AWS SDK against the
// loopback endpoint, for each curve, beside bare ECDH loops measured in the same run — the core's own
// deriveRawSecret (what the endpoint computes, @noble/curves) and node's crypto.ECDH (OpenSSL) — and the
// ratio endpoint / core ECDH.
//
// Keychain: the endpoint needs a real one. On Linux the bench re-runs itself under
// scripts/with-keyring.sh (a private gnome-keyring in its own D-Bus session under a temporary HOME), so it
// never touches your own keyring; set QKMS_PRIVATE_KEYRING=1 to skip that (you are already inside one).
// Elsewhere it uses the OS keychain under a throwaway service name and deletes its items at the end.
// The endpoint runs in a child process (bench/endpoint-child.ts); the client runs here.
// Knobs: QKMS_BENCH_SECONDS (per measurement, default 3), QKMS_BENCH_CONCURRENCY (in-flight requests, default 8).
import { DeriveSharedSecretCommand, KMSClient, CreateKeyCommand, GetPublicKeyCommand } from '@aws-sdk/client-kms';
import { spawnSync } from 'node:child_process';
import { fork } from 'node:child_process';
import { createECDH, createPublicKey, diffieHellman, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generatePrivateScalar, publicPointFromScalar } from '../src/core/crypto/curves';
import { deriveRawSecret } from '../src/core/crypto/ecdh';
import type { ServiceSettings } from '../src/core/open-service';
import { privateKeyAccount } from '../src/core/store/keychain';
import { KeytarKeychain } from '../src/core/store/keytar-keychain';
import { CURVES, KEY_SPECS, type KeySpec } from '../src/shared/key-spec';
import type { EndpointCredentials } from '../src/server';

const SECONDS = Number(process.env.QKMS_BENCH_SECONDS ?? 3);
const CONCURRENCY = Number(process.env.QKMS_BENCH_CONCURRENCY ?? 8);

/** Re-runs this script inside a private keyring (Linux); returns false when already inside one. */
function wrapInPrivateKeyring(): boolean {
  if (process.platform !== 'linux' || process.env.QKMS_PRIVATE_KEYRING === '1') return false;
  const script = path.join(__dirname, '..', 'scripts', 'with-keyring.sh');
  const result = spawnSync('bash', [script, process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.exitCode = result.status ?? 1;
  return true;
}

/** Calls `fn` for `seconds` (in batches, to read the clock rarely); returns calls per second. */
function loopRate(seconds: number, fn: () => void): number {
  const end = performance.now() + seconds * 1000;
  let count = 0;
  const started = performance.now();
  while (performance.now() < end) {
    for (let i = 0; i < 50; i++) fn();
    count += 50;
  }
  return count / ((performance.now() - started) / 1000);
}

/** Keeps `concurrency` requests in flight for `seconds`; returns completed requests per second. */
async function requestRate(seconds: number, concurrency: number, send: () => Promise<unknown>): Promise<number> {
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  let count = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < end) {
      await send();
      count++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return count / ((performance.now() - started) / 1000);
}

function startEndpoint(
  settings: ServiceSettings,
): Promise<{ port: number; credentials: EndpointCredentials; stop: () => void }> {
  const child = fork(path.join(__dirname, 'endpoint-child.ts'), [], {
    env: { ...process.env, QKMS_BENCH_SETTINGS: JSON.stringify(settings) },
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => {
      const { port, credentials } = message as { port: number; credentials: EndpointCredentials };
      resolve({ port, credentials, stop: () => child.disconnect() });
    });
    child.once('exit', (code) => reject(new Error(`the endpoint process exited (${code}) before it was ready`)));
  });
}

interface Row {
  curve: string;
  coreEcdh: number;
  nodeEcdh: number;
  sequential: number;
  concurrent: number;
}

/** The bare ECDH loops. They block this event loop, so they all run before any request is sent: an idle
 *  keep-alive socket left unread that long could be closed by the server and then reused by the client. */
function bareRates(keySpec: KeySpec): Pick<Row, 'coreEcdh' | 'nodeEcdh'> {
  const scalar = generatePrivateScalar(keySpec);
  const peerPoint = publicPointFromScalar(keySpec, generatePrivateScalar(keySpec));
  const coreEcdh = loopRate(SECONDS, () => deriveRawSecret(keySpec, scalar, peerPoint));
  const ecdh = createECDH(CURVES[keySpec].opensslName);
  ecdh.generateKeys();
  const nodePeer = Buffer.from(peerPoint);
  const nodeEcdh = loopRate(SECONDS, () => ecdh.computeSecret(nodePeer));
  return { coreEcdh, nodeEcdh };
}

async function endpointRates(
  kms: KMSClient,
  keySpec: KeySpec,
  createdKeys: string[],
): Promise<Pick<Row, 'sequential' | 'concurrent'>> {
  const { opensslName, displayName } = CURVES[keySpec];
  const key = (await kms.send(new CreateKeyCommand({ KeySpec: keySpec, KeyUsage: 'KEY_AGREEMENT' }))).KeyMetadata!
    .KeyId!;
  createdKeys.push(key);
  const peer = generateKeyPairSync('ec', { namedCurve: opensslName });
  const command = new DeriveSharedSecretCommand({
    KeyId: key,
    KeyAgreementAlgorithm: 'ECDH',
    PublicKey: peer.publicKey.export({ type: 'spki', format: 'der' }),
  });

  // Sanity: the endpoint's secret is the one node derives on this side.
  const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: key }));
  const expected = diffieHellman({
    privateKey: peer.privateKey,
    publicKey: createPublicKey({ key: Buffer.from(PublicKey!), format: 'der', type: 'spki' }),
  });
  const first = await kms.send(command);
  if (!Buffer.from(first.SharedSecret!).equals(expected))
    throw new Error(`${displayName}: the endpoint's shared secret differs from crypto.diffieHellman`);
  for (let i = 0; i < 20; i++) await kms.send(command); // warm-up

  const sequential = await requestRate(SECONDS, 1, () => kms.send(command));
  const concurrent = await requestRate(SECONDS, CONCURRENCY, () => kms.send(command));
  return { sequential, concurrent };
}

function print(rows: Row[]): void {
  const n = (v: number): string => Math.round(v).toLocaleString('en-US').padStart(9);
  const r = (v: number): string => `${(v * 100).toFixed(1)}%`.padStart(7);
  console.log(
    `\nDeriveSharedSecret: ${SECONDS} s per measurement; endpoint = signed requests/s through @aws-sdk/client-kms on loopback`,
  );
  console.log(
    `(client here, endpoint in a child process; "c=${CONCURRENCY}" keeps ${CONCURRENCY} requests in flight). Ratio = endpoint c=${CONCURRENCY} / core ECDH.\n`,
  );
  console.log(
    'curve       core ECDH/s  node ECDH/s  endpoint c=1/s  endpoint c=' + `${CONCURRENCY}/s`.padEnd(5) + '   ratio',
  );
  for (const row of rows) {
    console.log(
      `${row.curve.padEnd(10)}  ${n(row.coreEcdh)}    ${n(row.nodeEcdh)}     ${n(row.sequential)}       ${n(row.concurrent)}   ${r(row.concurrent / row.coreEcdh)}`,
    );
  }
  console.log(`\nnode ${process.version}, ${process.platform}/${process.arch}`);
}

async function main(): Promise<void> {
  if (wrapInPrivateKeyring()) return;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'qkms-bench-'));
  const settings: ServiceSettings = {
    dataDir,
    keychainService: `qkms-bench-${randomBytes(4).toString('hex')}`,
    accountId: '111122223333',
  };
  const bare = new Map(KEY_SPECS.map((keySpec) => [keySpec, bareRates(keySpec)]));
  const endpoint = await startEndpoint(settings);
  const kms = new KMSClient({
    endpoint: `http://127.0.0.1:${endpoint.port}`,
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: endpoint.credentials,
  });
  const createdKeys: string[] = [];
  try {
    const rows: Row[] = [];
    for (const keySpec of KEY_SPECS) {
      rows.push({
        curve: CURVES[keySpec].displayName,
        ...bare.get(keySpec)!,
        ...(await endpointRates(kms, keySpec, createdKeys)),
      });
    }
    print(rows);
  } finally {
    kms.destroy();
    endpoint.stop();
    // Inside a private keyring this is moot; with the OS keychain it leaves nothing behind.
    const keychain = new KeytarKeychain({ service: settings.keychainService });
    for (const keyId of createdKeys) await keychain.deleteSecret(privateKeyAccount(keyId)).catch(() => false);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
