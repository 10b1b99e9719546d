// The app's endpoint switch over the REAL server (src/server startServer), the real core and the real
// keychain (run under scripts/with-keyring.sh), through the IPC handlers the registrar registers: off by
// default, an unmodified @aws-sdk/client-kms call with the shown credentials succeeds on the same keys
// the window uses, start twice, stop, a busy port, bad ports, and shutdown (what quitting runs).
import { createServer, type Server } from 'node:net';
import { CreateKeyCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openKeychain } from '../../src/core/open-service';
import { createEndpointController, type EndpointController } from '../../src/main/ipc/endpoint';
import { createIpcHandlers } from '../../src/main/ipc/handlers';
import { isFreeOfSecrets } from '../../src/main/ipc/secret-guard';
import { CREDENTIALS_ACCOUNT, resolveCredentials, startServer } from '../../src/server';
import type { EndpointStatus } from '../../src/shared/ipc-contract';
import { QkmsError, type Result } from '../../src/shared/errors';
import { createTempService } from '../support/temp-service';
import { fakeClipboardActions, fakeDialogs } from './helpers';

const temp = createTempService('main-endpoint');
const keychain = openKeychain(temp.settings);
/** Every line the endpoint logged: requests, starts and stops. None may hold the secret. */
const lines: string[] = [];
// The env without the QKMS_ACCESS_KEY_ID pair, so the pair comes from (or is generated into) the keychain.
const env = { ...temp.env, QKMS_ACCESS_KEY_ID: undefined, QKMS_SECRET_ACCESS_KEY: undefined };

function controllerFor(overrides: Partial<Parameters<typeof createEndpointController>[0]> = {}): EndpointController {
  return createEndpointController({
    service: temp.service,
    keychain,
    env,
    startServer,
    resolveCredentials,
    log: (line) => lines.push(line),
    ...overrides,
  });
}

const endpoint = controllerFor();
const handlers = createIpcHandlers(temp.service, fakeDialogs(), fakeClipboardActions(), endpoint);
async function call(action: 'getEndpointStatus' | 'startEndpoint' | 'stopEndpoint', payload?: unknown) {
  const result = (await handlers[`qkms:${action}`]!(payload)) as Result<EndpointStatus>;
  return structuredClone(result); // what crosses IPC must survive the structured clone
}
async function status(action: 'getEndpointStatus' | 'startEndpoint' | 'stopEndpoint', payload?: unknown) {
  const result = await call(action, payload);
  if (!result.ok) throw new Error(`${action}: ${result.error.__type}: ${result.error.message}`);
  return result.value;
}

const clients: KMSClient[] = [];
function sdk(url: string, accessKeyId: string, secretAccessKey: string): KMSClient {
  const client = new KMSClient({
    endpoint: url,
    region: 'eu-central-1',
    maxAttempts: 1,
    credentials: { accessKeyId, secretAccessKey },
  });
  clients.push(client);
  return client;
}

let blocker: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  blocker = undefined;
});
afterAll(async () => {
  await endpoint.shutdown();
  for (const client of clients) client.destroy();
  await keychain.deleteSecret(CREDENTIALS_ACCOUNT).catch(() => false);
  temp.cleanup();
});

describe('the endpoint switch over the real server, core and keychain', () => {
  let running: Extract<EndpointStatus, { Running: true }>;

  it('is off by default', async () => {
    expect(await status('getEndpointStatus')).toEqual({ Running: false });
    expect(await status('getEndpointStatus', {})).toEqual({ Running: false });
    expect(endpoint.isActive()).toBe(false);
  });

  it('starts on a free port with a generated pair that an unmodified SDK client signs with', async () => {
    const created = await temp.ok('CreateKey', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'KEY_AGREEMENT' });
    const started = await status('startEndpoint', { Port: 0 });
    if (!started.Running) throw new Error('not running');
    running = started;
    expect(started).toMatchObject({ CredentialsSource: 'generated', AccessKeyId: expect.stringMatching(/^QKMS/) });
    expect(started.Port).toBeGreaterThanOrEqual(1024);
    expect(started.Url).toBe(`http://127.0.0.1:${started.Port}`);
    expect(endpoint.isActive()).toBe(true);
    // The status passes the secret guard: it carries an API credential, no private key.
    expect(isFreeOfSecrets(started)).toBe(true);

    // The same keys as the window's service: the key made through the core is listed over HTTP, and a key
    // made over HTTP is in the core.
    const kms = sdk(started.Url, started.AccessKeyId, started.SecretAccessKey);
    const listed = await kms.send(new ListKeysCommand({}));
    expect(listed.Keys?.map((k) => k.KeyId)).toContain(created.KeyMetadata.KeyId);
    const made = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P384', KeyUsage: 'KEY_AGREEMENT' }));
    expect((await temp.ok('DescribeKey', { KeyId: made.KeyMetadata!.KeyId })).KeyMetadata.KeySpec).toBe(
      'ECC_NIST_P384',
    );

    // The wrong secret is refused.
    await expect(
      sdk(started.Url, started.AccessKeyId, 'wrong-secret-wrong-secret-wrong-secret').send(new ListKeysCommand({})),
    ).rejects.toMatchObject({ name: 'InvalidSignatureException' });
  });

  it('starting again is a no-op that returns the status, whatever the port asked', async () => {
    expect(await status('startEndpoint', { Port: 0 })).toEqual(running);
    expect(await status('startEndpoint', { Port: 4567 })).toEqual(running);
    expect(await status('getEndpointStatus')).toEqual(running);
    // Two clicks at once: one server.
    const [a, b] = await Promise.all([status('startEndpoint', { Port: 0 }), status('startEndpoint', { Port: 0 })]);
    expect(a).toEqual(running);
    expect(b).toEqual(running);
  });

  it('stops: the port refuses connections, and stopping again is a no-op', async () => {
    expect(await status('stopEndpoint')).toEqual({ Running: false });
    expect(endpoint.isActive()).toBe(false);
    await expect(
      sdk(running.Url, running.AccessKeyId, running.SecretAccessKey).send(new ListKeysCommand({})),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(await status('stopEndpoint', {})).toEqual({ Running: false });
    expect(await status('getEndpointStatus')).toEqual({ Running: false });
  });

  it('starts again with the pair now kept in the keychain, on the port asked', async () => {
    // Find a free port, then let it go, and ask for it by number.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const again = await status('startEndpoint', { Port: port });
    expect(again).toEqual({
      ...running,
      Port: port,
      Url: `http://127.0.0.1:${port}`,
      CredentialsSource: 'keychain',
    });
    const kms = sdk(`http://127.0.0.1:${port}`, running.AccessKeyId, running.SecretAccessKey);
    expect((await kms.send(new ListKeysCommand({}))).Keys?.length).toBe(2);
    await status('stopEndpoint');
  });

  it('a busy port is the server clear error, as a value, and the switch stays off', async () => {
    blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker!.listen(0, '127.0.0.1', () => resolve((blocker!.address() as { port: number }).port)),
    );
    const result = await call('startEndpoint', { Port: port });
    expect(result).toEqual({
      ok: false,
      error: {
        __type: 'AlreadyExistsException',
        message: `Port ${port} on 127.0.0.1 is already in use; choose another (0 picks a free one)`,
      },
    });
    expect(await status('getEndpointStatus')).toEqual({ Running: false });
    expect(endpoint.isActive()).toBe(false);
  });

  it.each([
    [{ Port: 80 }, /: Port must be a whole number from 1024 to 65535, or 0 for any free port/],
    [{ Port: 1023 }, /: Port must be a whole number from 1024 to 65535/],
    [{ Port: 65536 }, /: Port must be a whole number from 1024 to 65535/],
    [{ Port: -1 }, /: Port must be a whole number from 1024 to 65535/],
    [{ Port: 4566.5 }, /: Port must be a whole number from 1024 to 65535/],
    [{ Port: '4566' }, /: Port must be a whole number from 1024 to 65535/],
    [{ Port: Number.NaN }, /: Port must be a whole number from 1024 to 65535/],
    [{}, /Port/],
    [{ Port: 4566, Host: '0.0.0.0' }, /Host/],
    [null, /must be a JSON object/],
    ['4566', /must be a JSON object/],
  ])('refuses the start request %j with a specific ValidationException', async (payload, message) => {
    const result = await call('startEndpoint', payload);
    expect(result).toMatchObject({ ok: false, error: { __type: 'ValidationException' } });
    expect(!result.ok && result.error.message).toMatch(message);
    expect(await status('getEndpointStatus')).toEqual({ Running: false });
  });

  it('getEndpointStatus and stopEndpoint take no parameters', async () => {
    expect(await call('getEndpointStatus', { Port: 1 })).toMatchObject({
      ok: false,
      error: { __type: 'ValidationException', message: 'getEndpointStatus takes no parameters' },
    });
    expect(await call('stopEndpoint', 'now')).toMatchObject({ ok: false, error: { __type: 'ValidationException' } });
  });

  it('shutdown (what quitting runs) stops a running endpoint, even one still starting', async () => {
    const starting = status('startEndpoint', { Port: 0 });
    expect(endpoint.isActive()).toBe(true);
    await endpoint.shutdown();
    const started = await starting;
    if (!started.Running) throw new Error('not running');
    expect(endpoint.isActive()).toBe(false);
    expect(await status('getEndpointStatus')).toEqual({ Running: false });
    await expect(
      sdk(started.Url, started.AccessKeyId, started.SecretAccessKey).send(new ListKeysCommand({})),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await endpoint.shutdown(); // nothing running: resolves at once
  });

  it('a locked or broken keychain is the keychain error, and nothing listens', async () => {
    const broken = controllerFor({
      keychain: {
        getSecret: async () => null,
        setSecret: async () => {
          throw new QkmsError('KeyUnavailableException', 'Cannot create an item in a locked collection');
        },
      },
    });
    expect(await broken.startEndpoint({ Port: 0 })).toEqual({
      ok: false,
      error: { __type: 'KeyUnavailableException', message: 'Cannot create an item in a locked collection' },
    });
    expect(broken.isActive()).toBe(false);
  });

  it('logged one line per request and per start/stop, never the secret', () => {
    expect(lines.some((line) => / ListKeys key=- 200 OK /.test(line))).toBe(true);
    expect(lines.some((line) => /^listening on http:\/\/127\.0\.0\.1:\d+ \(credentials: generated\)$/.test(line))).toBe(
      true,
    );
    expect(lines.some((line) => /^stopped listening on 127\.0\.0\.1:\d+$/.test(line))).toBe(true);
    expect(lines.join('\n')).not.toContain(running.SecretAccessKey);
  });
});

describe('the endpoint status and the secret guard', () => {
  it('a private key beside the credentials is still withheld', () => {
    const status = { Running: true, AccessKeyId: 'QKMSX', SecretAccessKey: 'abc' };
    expect(isFreeOfSecrets(status)).toBe(true);
    expect(isFreeOfSecrets({ ...status, PrivateKey: 'MIGHAgEA' })).toBe(false);
    expect(isFreeOfSecrets({ ...status, Leak: { d: 'AAAA' } })).toBe(false);
  });
});
