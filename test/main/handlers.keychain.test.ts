// The IPC handlers over the real core service and the real keychain (run under scripts/with-keyring.sh),
// opened the way the app opens it (openDefaultService + env). Every result is a Result value, derive
// matches OpenSSL, imported files come from a (fake) dialog, saved public keys are accepted by OpenSSL,
// and no private-key byte appears in any result.
import { createPrivateKey, randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDefaultService } from '../../src/core/open-service';
import { createIpcHandlers } from '../../src/main/ipc/handlers';
import type { DesktopDialogs } from '../../src/main/ipc/dialogs';
import { RENDERER_OPERATIONS, channelOf } from '../../src/shared/ipc-contract';
import type { Result } from '../../src/shared/errors';
import { opensslDerive, opensslKeyPair } from '../support/openssl';
import { fakeClipboardActions, idleEndpoint, openssl, tempDir } from './helpers';

const dataDir = tempDir('qkms-main-keychain-');
const env = {
  ...process.env,
  QKMS_DATA_DIR: dataDir,
  QKMS_KEYCHAIN_SERVICE: `qkms-test-main-${randomBytes(4).toString('hex')}`,
  QKMS_ACCOUNT_ID: '123456789012',
};
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A dialog whose next answer the test sets, as the browser e2e does. */
const choice: { open?: string; save?: string } = {};
const dialogs: DesktopDialogs = {
  chooseFileToOpen: async () => choice.open,
  chooseFileToSave: async () => choice.save,
};
const handlers = createIpcHandlers(openDefaultService(env), dialogs, fakeClipboardActions(), idleEndpoint());

/** Every result any handler returned, searched for key material at the end. */
const results: Result<unknown>[] = [];
async function call(channel: string, payload: unknown): Promise<Result<unknown>> {
  const result = await handlers[channel]!(payload);
  expect(result, channel).toHaveProperty('ok');
  results.push(result);
  return structuredClone(result); // what crosses IPC must survive the structured clone
}
async function value<T = Record<string, unknown>>(channel: string, payload: unknown): Promise<T> {
  const result = await call(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.__type}: ${result.error.message}`);
  return result.value as T;
}
async function failure(channel: string, payload: unknown) {
  const result = await call(channel, payload);
  if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return result.error;
}

type Metadata = { KeyMetadata: { KeyId: string; Arn: string; KeySpec: string; Origin: string; KeyState: string } };

describe('IPC handlers over the real core and keychain', () => {
  const p256 = opensslKeyPair('ECC_NIST_P256');
  const p384 = opensslKeyPair('ECC_NIST_P384');
  const p384DerPath = join(p384.dir, 'key.p8.der');
  openssl(['pkcs8', '-topk8', '-nocrypt', '-in', p384.privatePath, '-outform', 'DER', '-out', p384DerPath]);
  const scalarOf = (pem: string) => Buffer.from(createPrivateKey(pem).export({ format: 'jwk' }).d ?? '', 'base64url');
  let imported256: Metadata['KeyMetadata'];

  it('reports the keychain ready', async () => {
    expect(await value('qkms:GetKeychainStatus', {})).toMatchObject({ Status: 'READY' });
  });

  it('imports PKCS#8 keys (PEM and DER) picked in a file dialog', async () => {
    choice.open = p256.privatePath;
    imported256 = (
      await value<Metadata>('qkms:importKeyFromFile', { KeySpec: 'ECC_NIST_P256', Description: 'from file' })
    ).KeyMetadata;
    expect(imported256).toMatchObject({ KeySpec: 'ECC_NIST_P256', Origin: 'EXTERNAL', KeyState: 'Enabled' });
    choice.open = p384DerPath;
    const imported384 = (await value<Metadata>('qkms:importKeyFromFile', { KeySpec: 'ECC_NIST_P384' })).KeyMetadata;
    expect(imported384.KeySpec).toBe('ECC_NIST_P384');
    // The wrong curve is the core's error, returned as a value.
    choice.open = p384DerPath;
    expect((await failure('qkms:importKeyFromFile', { KeySpec: 'ECC_NIST_P256' })).__type).toMatch(/Exception$/);
    choice.open = undefined;
    expect(await value('qkms:importKeyFromFile', { KeySpec: 'ECC_NIST_P256' })).toEqual({ Canceled: true });
  });

  it('derives the same secret as OpenSSL from the imported key and an OpenSSL-made peer key', async () => {
    const peer = opensslKeyPair('ECC_NIST_P256');
    const expected = opensslDerive(p256.privatePath, peer.publicDer).toString('base64');
    for (const PublicKey of [peer.publicDer.toString('base64'), Buffer.from(peer.publicPem).toString('base64')]) {
      const derived = await value<{ SharedSecret: string; KeyId: string }>('qkms:DeriveSharedSecret', {
        KeyId: imported256.KeyId,
        PublicKey,
      });
      expect(derived.SharedSecret).toBe(expected);
      expect(derived.KeyId).toBe(imported256.Arn);
    }
    // A peer on the wrong curve is an error value, not a throw.
    const wrongCurve = await failure('qkms:DeriveSharedSecret', {
      KeyId: imported256.KeyId,
      PublicKey: p384.publicDer.toString('base64'),
    });
    expect(wrongCurve.__type).toBe('InvalidPublicKeyException');
  });

  it('opens a peer public key file as base64', async () => {
    choice.open = p256.publicPath;
    expect(await value('qkms:openPublicKeyFile', undefined)).toEqual({
      Contents: Buffer.from(p256.publicPem).toString('base64'),
      FileName: 'key.pub.pem',
    });
  });

  it('saves public keys as PEM, DER and JWK that OpenSSL accepts and that match the private key', async () => {
    const dir = tempDir();
    for (const format of ['PEM', 'DER', 'JWK'] as const) {
      choice.save = join(dir, `public.${format.toLowerCase()}`);
      expect(await value('qkms:savePublicKey', { KeyId: imported256.KeyId, Format: format })).toEqual({
        Path: choice.save,
      });
      if (format === 'JWK') {
        const { kty, crv, x, y } = createPrivateKey(p256.privatePem).export({ format: 'jwk' });
        expect(JSON.parse(readFileSync(choice.save, 'utf8'))).toEqual({ kty, crv, x, y });
      } else {
        expect(openssl(['pkey', '-pubin', '-inform', format, '-in', choice.save, '-outform', 'DER'])).toEqual(
          p256.publicDer,
        );
      }
    }
  });

  it('serves every renderer operation and returns errors as values', async () => {
    const created = (await value<Metadata>('qkms:CreateKey', { KeySpec: 'ECC_NIST_P384', Description: 'made here' }))
      .KeyMetadata;
    const KeyId = created.KeyId;
    const peer = opensslKeyPair('ECC_NIST_P384').publicDer.toString('base64');
    const requests: Record<string, unknown[]> = {
      CreateKey: [{ KeySpec: 'ECC_SECG_P256K1' }, { KeySpec: 'NOPE' }],
      DescribeKey: [{ KeyId }, { KeyId: 'alias/missing' }],
      ListKeys: [{}],
      ListKeyDetails: [{}],
      GetPublicKey: [{ KeyId }],
      CreateAlias: [{ AliasName: 'alias/main-test', TargetKeyId: KeyId }],
      UpdateAlias: [{ AliasName: 'alias/main-test', TargetKeyId: imported256.KeyId }],
      ListAliases: [{}],
      TagResource: [{ KeyId, Tags: [{ TagKey: 'team', TagValue: 'qkms' }] }],
      ListResourceTags: [{ KeyId }],
      UntagResource: [{ KeyId, TagKeys: ['team'] }],
      InspectPublicKey: [{ PublicKey: peer, KeyId }],
      DeriveSharedSecret: [
        { KeyId, PublicKey: peer },
        { KeyId, PublicKey: 'AAAA' },
      ],
      DisableKey: [{ KeyId }],
      EnableKey: [{ KeyId }],
      ScheduleKeyDeletion: [{ KeyId, PendingWindowInDays: 7 }],
      CancelKeyDeletion: [{ KeyId }],
      DeleteAlias: [{ AliasName: 'alias/main-test' }],
      GetKeychainStatus: [{}],
    };
    for (const op of RENDERER_OPERATIONS) {
      for (const request of requests[op] ?? [{}]) {
        const result = await call(channelOf(op), request);
        expect(result.ok ? 'ok' : result.error.__type, `${op} ${JSON.stringify(request)}`).toMatch(
          /^(ok|[A-Za-z]+Exception)$/,
        );
      }
    }
    expect((await failure('qkms:DescribeKey', { KeyId: 'alias/missing' })).__type).toBe('NotFoundException');
    await value('qkms:DisableKey', { KeyId });
    expect((await failure('qkms:DeriveSharedSecret', { KeyId, PublicKey: peer })).__type).toBe('DisabledException');
    expect((await failure('qkms:CreateKey', { KeySpec: 'ECC_NIST_P256', PrivateKey: 'AAAA' })).__type).toBe(
      'ValidationException',
    );
  });

  it('never returns private-key bytes', () => {
    const haystack = JSON.stringify(results);
    expect(results.length).toBeGreaterThan(30);
    for (const pem of [p256.privatePem, p384.privatePem]) {
      const scalar = scalarOf(pem);
      for (const needle of [
        scalar.toString('hex'),
        scalar.toString('base64'),
        scalar.toString('base64url'),
        Buffer.from(pem).toString('base64'),
      ]) {
        expect(haystack).not.toContain(needle);
      }
    }
  });
});
