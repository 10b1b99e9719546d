// The three desktop actions over a stand-in service: the private key is read from the chosen file in
// Node and sent to ImportKey, public-key files are read with a size limit, and saved public keys are
// written atomically in formats OpenSSL accepts.
import { generateKeyPairSync, createPublicKey, type KeyObject } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createIpcHandlers } from '../../src/main/ipc/handlers';
import type { KmsServicePort } from '../../src/main/ipc/service-port';
import { CURVES, KEY_SPECS, type KeySpec } from '../../src/shared/key-spec';
import { fakeClipboardActions, idleEndpoint, fakeDialogs, openssl, tempDir } from './helpers';

const p256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const pkcs8Pem = p256.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

function serviceReturning(values: Partial<Record<string, unknown>>) {
  const call = vi.fn(async (operation: string, _request: unknown) => ({ ok: true, value: values[operation] ?? {} }));
  return { call } as unknown as KmsServicePort & { call: typeof call };
}

const metadata = { KeyMetadata: { KeyId: 'k1', KeySpec: 'ECC_NIST_P256', Origin: 'EXTERNAL' } };

describe('importKeyFromFile', () => {
  it('reads the chosen PKCS#8 file in Node and imports it; the renderer never sends or receives the key', async () => {
    const dir = tempDir();
    const file = join(dir, 'key.pem');
    writeFileSync(file, pkcs8Pem);
    const service = serviceReturning({ ImportKey: metadata });
    const dialogs = fakeDialogs({ open: file });
    const handlers = createIpcHandlers(service, dialogs, fakeClipboardActions(), idleEndpoint());
    const result = await handlers['qkms:importKeyFromFile']!({ KeySpec: 'ECC_NIST_P256', Description: 'imported' });
    expect(result).toEqual({ ok: true, value: metadata });
    expect(dialogs.chooseFileToOpen).toHaveBeenCalledWith(expect.objectContaining({ purpose: 'importPrivateKey' }));
    expect(service.call).toHaveBeenCalledWith('ImportKey', {
      KeySpec: 'ECC_NIST_P256',
      Description: 'imported',
      PrivateKey: Buffer.from(pkcs8Pem).toString('base64'),
    });
  });

  it('returns Canceled when the user cancels, without calling the service', async () => {
    const service = serviceReturning({});
    const result = await createIpcHandlers(service, fakeDialogs(), fakeClipboardActions(), idleEndpoint())[
      'qkms:importKeyFromFile'
    ]!({
      KeySpec: 'ECC_NIST_P256',
    });
    expect(result).toEqual({ ok: true, value: { Canceled: true } });
    expect(service.call).not.toHaveBeenCalled();
  });

  it('refuses a PrivateKey in the request, a missing file, an empty or oversized file, and a directory', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.pem'), Buffer.alloc(64 * 1024 + 1, 0x41));
    writeFileSync(join(dir, 'empty.pem'), '');
    mkdirSync(join(dir, 'sub'));
    const service = serviceReturning({});
    const run = async (path: string | undefined, payload: unknown = { KeySpec: 'ECC_NIST_P256' }) =>
      createIpcHandlers(service, fakeDialogs({ open: path }), fakeClipboardActions(), idleEndpoint())[
        'qkms:importKeyFromFile'
      ]!(payload);
    expect(await run(join(dir, 'big.pem'))).toMatchObject({
      ok: false,
      error: { __type: 'ValidationException', message: expect.stringMatching(/64 KiB/) },
    });
    expect(await run(join(dir, 'empty.pem'))).toMatchObject({
      ok: false,
      error: { __type: 'ValidationException', message: expect.stringMatching(/empty/) },
    });
    expect(await run(join(dir, 'missing.pem'))).toMatchObject({ ok: false, error: { __type: 'NotFoundException' } });
    expect(await run(join(dir, 'sub'))).toMatchObject({ ok: false, error: { __type: 'ValidationException' } });
    expect(await run(join(dir, 'x'), { KeySpec: 'ECC_NIST_P256', PrivateKey: 'AAAA' })).toMatchObject({
      ok: false,
      error: { __type: 'ValidationException' },
    });
    expect(await run(join(dir, 'x'), null)).toMatchObject({ ok: false, error: { __type: 'ValidationException' } });
    expect(service.call).not.toHaveBeenCalled();
  });

  it('withholds a result that would carry key material', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'key.pem'), pkcs8Pem);
    const leaky = serviceReturning({
      ImportKey: { KeyMetadata: { KeyId: 'k1' }, Echo: Buffer.from(pkcs8Pem).toString('base64') },
    });
    const result = await createIpcHandlers(
      leaky,
      fakeDialogs({ open: join(dir, 'key.pem') }),
      fakeClipboardActions(),
      idleEndpoint(),
    )['qkms:importKeyFromFile']!({ KeySpec: 'ECC_NIST_P256' });
    expect(result).toMatchObject({ ok: false, error: { __type: 'KMSInternalException' } });
    const fieldLeak = serviceReturning({ ListKeys: { Keys: [{ KeyId: 'k', PrivateKey: 'x' }] } });
    expect(
      await createIpcHandlers(fieldLeak, fakeDialogs(), fakeClipboardActions(), idleEndpoint())['qkms:ListKeys']!({}),
    ).toMatchObject({ ok: false, error: { __type: 'KMSInternalException' } });
  });
});

describe('openPublicKeyFile', () => {
  it('returns the chosen file as base64 with its name, or Canceled', async () => {
    const dir = tempDir();
    const pem = p256.publicKey.export({ type: 'spki', format: 'pem' }) as string;
    writeFileSync(join(dir, 'peer.pem'), pem);
    const dialogs = fakeDialogs({ open: join(dir, 'peer.pem') });
    const result = await createIpcHandlers(serviceReturning({}), dialogs, fakeClipboardActions(), idleEndpoint())[
      'qkms:openPublicKeyFile'
    ]!(undefined);
    expect(result).toEqual({
      ok: true,
      value: { Contents: Buffer.from(pem).toString('base64'), FileName: 'peer.pem' },
    });
    expect(dialogs.chooseFileToOpen).toHaveBeenCalledWith(expect.objectContaining({ purpose: 'openPublicKey' }));
    expect(
      await createIpcHandlers(serviceReturning({}), fakeDialogs(), fakeClipboardActions(), idleEndpoint())[
        'qkms:openPublicKeyFile'
      ]!({}),
    ).toEqual({ ok: true, value: { Canceled: true } });
  });
});

const OPENSSL_CURVE: Record<KeySpec, string> = Object.fromEntries(
  KEY_SPECS.map((spec) => [spec, CURVES[spec].opensslName]),
) as Record<KeySpec, string>;

describe('savePublicKey', () => {
  const spkiOf = (key: KeyObject) => key.export({ type: 'spki', format: 'der' });

  for (const keySpec of KEY_SPECS) {
    it(`writes ${keySpec} public keys as DER, PEM and JWK that OpenSSL and Node accept`, async () => {
      const { publicKey } = generateKeyPairSync('ec', { namedCurve: OPENSSL_CURVE[keySpec] });
      const spki = spkiOf(publicKey);
      const service = serviceReturning({
        GetPublicKey: {
          KeyId: 'arn:aws:kms:us-east-1:111122223333:key/abcd-1234',
          PublicKey: spki.toString('base64'),
          KeySpec: keySpec,
        },
      });
      const dir = tempDir();
      for (const format of ['DER', 'PEM', 'JWK'] as const) {
        const target = join(dir, `out.${format.toLowerCase()}`);
        const dialogs = fakeDialogs({ save: target });
        const result = await createIpcHandlers(service, dialogs, fakeClipboardActions(), idleEndpoint())[
          'qkms:savePublicKey'
        ]!({
          KeyId: 'alias/mine',
          Format: format,
        });
        expect(result).toEqual({ ok: true, value: { Path: target } });
        expect(dialogs.chooseFileToSave).toHaveBeenCalledWith(
          expect.objectContaining({
            purpose: 'savePublicKey',
            defaultName: expect.stringMatching(/^abcd-1234-public\./),
          }),
        );
        if (format === 'JWK') {
          const jwk = JSON.parse(readFileSync(target, 'utf8'));
          expect(jwk).toEqual(publicKey.export({ format: 'jwk' }));
          expect(spkiOf(createPublicKey({ key: jwk, format: 'jwk' }))).toEqual(spki);
        } else {
          const der = openssl(['pkey', '-pubin', '-inform', format, '-in', target, '-outform', 'DER']);
          expect(der).toEqual(spki);
        }
      }
      expect(service.call).toHaveBeenCalledWith('GetPublicKey', { KeyId: 'alias/mine' });
      expect(readdirSync(dir).sort()).toEqual(['out.der', 'out.jwk', 'out.pem']);
    });
  }

  it('replaces an existing file atomically and returns service errors and cancels as values', async () => {
    const dir = tempDir();
    const target = join(dir, 'existing.pem');
    writeFileSync(target, 'old contents');
    const spki = spkiOf(p256.publicKey).toString('base64');
    const service = serviceReturning({ GetPublicKey: { KeyId: 'k', PublicKey: spki, KeySpec: 'ECC_NIST_P256' } });
    await createIpcHandlers(service, fakeDialogs({ save: target }), fakeClipboardActions(), idleEndpoint())[
      'qkms:savePublicKey'
    ]!({
      KeyId: 'k',
      Format: 'PEM',
    });
    expect(readFileSync(target, 'utf8')).toBe(p256.publicKey.export({ type: 'spki', format: 'pem' }));
    expect(readdirSync(dir)).toEqual(['existing.pem']);

    expect(
      await createIpcHandlers(service, fakeDialogs(), fakeClipboardActions(), idleEndpoint())['qkms:savePublicKey']!({
        KeyId: 'k',
        Format: 'DER',
      }),
    ).toEqual({ ok: true, value: { Canceled: true } });
    const unwritable = await createIpcHandlers(
      service,
      fakeDialogs({ save: join(dir, 'no-such-dir', 'x.pem') }),
      fakeClipboardActions(),
      idleEndpoint(),
    )['qkms:savePublicKey']!({ KeyId: 'k', Format: 'DER' });
    expect(unwritable).toMatchObject({ ok: false, error: { __type: 'NotFoundException' } });

    const notFound = {
      call: vi.fn(async () => ({ ok: false, error: { __type: 'NotFoundException', message: 'no key' } })),
    } as unknown as KmsServicePort;
    const dialogs = fakeDialogs({ save: target });
    expect(
      await createIpcHandlers(notFound, dialogs, fakeClipboardActions(), idleEndpoint())['qkms:savePublicKey']!({
        KeyId: 'k',
        Format: 'PEM',
      }),
    ).toEqual({ ok: false, error: { __type: 'NotFoundException', message: 'no key' } });
    expect(dialogs.chooseFileToSave).not.toHaveBeenCalled();
  });
});
