// Starting the endpoint (loopback only, a clear error for a busy port, a clean close) and its credentials
// (environment, or a pair generated once and kept in the real keychain under `endpoint-credentials`).
import { ListKeysCommand } from '@aws-sdk/client-kms';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarKeychain } from '../../src/core/store/keytar-keychain';
import { CREDENTIALS_ACCOUNT, generateCredentials, resolveCredentials, startServer } from '../../src/server';
import { startTestEndpoint, type TestEndpoint } from './support/endpoint';

let e: TestEndpoint;
beforeAll(async () => {
  e = await startTestEndpoint('start');
});
afterAll(() => e.stop());

describe('startServer', () => {
  it.each(['0.0.0.0', '::', '::1', 'localhost', '192.168.1.10', '127.0.0.2'])(
    'refuses host %j with a clear error',
    async (host) => {
      await expect(startServer({ service: e.temp.service, credentials: e.credentials, host })).rejects.toThrow(
        /binds to 127\.0\.0\.1 only; refusing host/,
      );
    },
  );

  it('listens on 127.0.0.1 and says so when the port is taken', async () => {
    await expect(
      startServer({ service: e.temp.service, credentials: e.credentials, port: e.server.port, log: () => {} }),
    ).rejects.toThrow(`Port ${e.server.port} on 127.0.0.1 is already in use`);
  });

  it('close() stops it, keep-alive connections included', async () => {
    const server = await startServer({ service: e.temp.service, credentials: e.credentials, log: () => {} });
    const { KMSClient } = await import('@aws-sdk/client-kms');
    const client = new KMSClient({
      endpoint: `http://127.0.0.1:${server.port}`,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: e.credentials,
    });
    await client.send(new ListKeysCommand({}));
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(client.send(new ListKeysCommand({}))).rejects.toThrow();
    client.destroy();
  });
});

describe('resolveCredentials', () => {
  it('uses QKMS_ACCESS_KEY_ID / QKMS_SECRET_ACCESS_KEY when both are set, and refuses half a pair', async () => {
    const keychain = {
      getSecret: () => Promise.reject(new Error('not used')),
      setSecret: () => Promise.reject(new Error('not used')),
    };
    expect(
      await resolveCredentials({ QKMS_ACCESS_KEY_ID: 'test', QKMS_SECRET_ACCESS_KEY: 'test-secret' }, keychain),
    ).toEqual({
      accessKeyId: 'test',
      secretAccessKey: 'test-secret',
      source: 'environment',
    });
    await expect(resolveCredentials({ QKMS_ACCESS_KEY_ID: 'only-id' }, keychain)).rejects.toMatchObject({
      code: 'ValidationException',
    });
    await expect(
      resolveCredentials({ QKMS_ACCESS_KEY_ID: 'bad/id', QKMS_SECRET_ACCESS_KEY: 's' }, keychain),
    ).rejects.toMatchObject({ code: 'ValidationException' });
    const error = await resolveCredentials(
      { QKMS_ACCESS_KEY_ID: 'id', QKMS_SECRET_ACCESS_KEY: 'has space' },
      keychain,
    ).catch((err: Error) => err);
    expect((error as Error).message).not.toContain('has space');
  });

  it('generates a pair once and keeps it in the real keychain (account endpoint-credentials)', async () => {
    const keychain = new KeytarKeychain({ service: `qkms-test-creds-${randomBytes(4).toString('hex')}` });
    try {
      const first = await resolveCredentials({}, keychain);
      expect(first.source).toBe('generated');
      expect(first.accessKeyId).toMatch(/^QKMS[A-Z2-7]{16}$/);
      expect(first.secretAccessKey).toHaveLength(40);
      const second = await resolveCredentials({}, keychain);
      expect(second).toEqual({ ...first, source: 'keychain' });
      expect(JSON.parse((await keychain.getSecret(CREDENTIALS_ACCOUNT))!)).toEqual({
        accessKeyId: first.accessKeyId,
        secretAccessKey: first.secretAccessKey,
      });
    } finally {
      await keychain.deleteSecret(CREDENTIALS_ACCOUNT);
    }
  });

  it('an unreadable stored pair is reported, not silently replaced', async () => {
    const keychain = {
      getSecret: async () => 'not json',
      setSecret: () => Promise.reject(new Error('must not overwrite')),
    };
    await expect(resolveCredentials({}, keychain)).rejects.toMatchObject({ code: 'KeyUnavailableException' });
  });

  it('generated pairs differ', () => {
    expect(generateCredentials()).not.toEqual(generateCredentials());
  });
});
