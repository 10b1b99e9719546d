// DeriveSharedSecret through the real service and keychain, against OpenSSL, and every error it lists.
import { createPrivateKey, generateKeyPairSync, privateDecrypt, constants } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { KEY_SPECS, CURVES, type KeySpec } from '../../../src/shared/key-spec';
import { opensslDerive, opensslKeyPair } from '../../support/openssl';
import { createTempService } from '../../support/temp-service';

const t = createTempService('derive');
afterAll(() => t.cleanup());

async function importOpensslKey(keySpec: KeySpec, KeyUsage = 'DERIVE_SHARED_SECRET') {
  const pair = opensslKeyPair(keySpec);
  const { KeyMetadata } = await t.ok('ImportKey', {
    KeySpec: keySpec,
    KeyUsage,
    PrivateKey: Buffer.from(pair.privatePem).toString('base64'),
  });
  return { pair, keyId: KeyMetadata.KeyId, metadata: KeyMetadata };
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('DeriveSharedSecret equals OpenSSL', () => {
  it.each(KEY_SPECS)('%s: imported key × OpenSSL peer gives OpenSSL’s Z, fixed length', async (keySpec) => {
    const ours = await importOpensslKey(keySpec);
    expect(ours.metadata.Origin).toBe('EXTERNAL');
    for (let i = 0; i < 3; i++) {
      const peer = opensslKeyPair(keySpec);
      const response = await t.ok('DeriveSharedSecret', { KeyId: ours.keyId, PublicKey: b64(peer.publicDer) });
      const expected = opensslDerive(ours.pair.privatePath, peer.publicDer);
      expect(Buffer.from(response.SharedSecret ?? '', 'base64').toString('hex')).toBe(expected.toString('hex'));
      expect(expected.length).toBe(CURVES[keySpec].fieldBytes);
      expect(response).toMatchObject({
        KeyId: `arn:verenc:123456789012:key/${ours.keyId}`,
        KeyAgreementAlgorithm: 'ECDH',
        KeyOrigin: 'EXTERNAL',
      });
    }
  });

  it('a created key agrees with OpenSSL through its exported public key', async () => {
    const { KeyMetadata } = await t.ok('CreateKey', { KeySpec: 'ECC_NIST_P384' });
    const peer = opensslKeyPair('ECC_NIST_P384');
    const ours = await t.ok('DeriveSharedSecret', { KeyId: KeyMetadata.KeyId, PublicKey: b64(peer.publicDer) });
    const { PublicKey } = await t.ok('GetPublicKey', { KeyId: KeyMetadata.KeyId });
    const theirs = opensslDerive(peer.privatePath, Buffer.from(PublicKey, 'base64'));
    expect(Buffer.from(ours.SharedSecret ?? '', 'base64').equals(theirs)).toBe(true);
  });
});

describe('RecipientInfo', () => {
  it('returns Z encrypted to the RSA recipient with OAEP-SHA-256 and no SharedSecret', async () => {
    const ours = await importOpensslKey('ECC_NIST_P256');
    const peer = opensslKeyPair('ECC_NIST_P256');
    const recipient = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const response = await t.ok('DeriveSharedSecret', {
      KeyId: ours.keyId,
      PublicKey: b64(peer.publicDer),
      RecipientInfo: b64(recipient.publicKey.export({ format: 'der', type: 'spki' })),
    });
    expect(response.SharedSecret).toBeUndefined();
    const plain = privateDecrypt(
      { key: recipient.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from(response.CiphertextForRecipient ?? '', 'base64'),
    );
    expect(plain.equals(opensslDerive(ours.pair.privatePath, peer.publicDer))).toBe(true);
  });

  it('refuses an AWS attestation document as unsupported offline', async () => {
    const ours = await importOpensslKey('ECC_NIST_P256');
    const peer = opensslKeyPair('ECC_NIST_P256');
    const error = await t.fails('DeriveSharedSecret', {
      KeyId: ours.keyId,
      PublicKey: b64(peer.publicDer),
      Recipient: { KeyEncryptionAlgorithm: 'RSAES_OAEP_SHA_256', AttestationDocument: 'hEShATgioFkQ' },
    });
    expect(error.__type).toBe('UnsupportedOperationException');
    expect(error.message).toContain('attestation');
  });
});

describe('DeriveSharedSecret errors', () => {
  it('reports each error of the spec page with a specific message', async () => {
    const ours = await importOpensslKey('ECC_NIST_P256');
    const peer = b64(opensslKeyPair('ECC_NIST_P256').publicDer);
    const call = (request: Record<string, unknown>) =>
      t.fails('DeriveSharedSecret', { KeyId: ours.keyId, PublicKey: peer, ...request });

    expect(await call({ KeyId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      __type: 'NotFoundException',
    });
    const wrongCurve = await call({ PublicKey: b64(opensslKeyPair('ECC_NIST_P384').publicDer) });
    expect(wrongCurve.__type).toBe('InvalidPublicKeyException');
    expect(wrongCurve.message).toMatch(/P-384/);
    expect(await call({ PublicKey: b64(Buffer.from('not a key at all')) })).toMatchObject({
      __type: 'InvalidPublicKeyException',
    });
    expect(await call({ KeyAgreementAlgorithm: 'ECDHE' })).toMatchObject({ __type: 'ValidationException' });
    expect(await call({ DryRun: true })).toMatchObject({ __type: 'DryRunOperationException' });
    expect(await call({ RecipientInfo: b64(Buffer.from('garbage')) })).toMatchObject({ __type: 'ValidationException' });

    await t.ok('DisableKey', { KeyId: ours.keyId });
    const disabled = await call({});
    expect(disabled.__type).toBe('DisabledException');
    expect(disabled.message).toContain(ours.keyId);
    await t.ok('ScheduleKeyDeletion', { KeyId: ours.keyId, PendingWindowInDays: 7 });
    expect(await call({})).toMatchObject({ __type: 'KMSInvalidStateException' });

    const signing = await importOpensslKey('ECC_NIST_P256', 'SIGN_VERIFY');
    const usage = await t.fails('DeriveSharedSecret', { KeyId: signing.keyId, PublicKey: peer });
    expect(usage.__type).toBe('InvalidKeyUsageException');
    expect(usage.message).toContain('SIGN_VERIFY');
  });

  it('refuses an imported key whose curve differs from KeySpec, and a non-key file', async () => {
    const pair = opensslKeyPair('ECC_NIST_P384');
    const mismatch = await t.fails('ImportKey', {
      KeySpec: 'ECC_NIST_P256',
      PrivateKey: Buffer.from(pair.privatePem).toString('base64'),
    });
    expect(mismatch.__type).toBe('ValidationException');
    expect(mismatch.message).toContain('ECC_NIST_P384');
    const garbage = await t.fails('ImportKey', { KeySpec: 'ECC_NIST_P256', PrivateKey: b64(Buffer.from('hello')) });
    expect(garbage.__type).toBe('ValidationException');
    // The PKCS#8 key parsed by node must be the same scalar OpenSSL made (the import did not alter it).
    expect(createPrivateKey(pair.privatePem).asymmetricKeyDetails?.namedCurve).toBe('secp384r1');
  });
});

describe('ImportKey without KeySpec', () => {
  it('takes the curve from the PKCS#8 file', async () => {
    const pair = opensslKeyPair('ECC_NIST_P521');
    const { KeyMetadata } = await t.ok('ImportKey', { PrivateKey: Buffer.from(pair.privatePem).toString('base64') });
    expect(KeyMetadata).toMatchObject({
      KeySpec: 'ECC_NIST_P521',
      Origin: 'EXTERNAL',
      KeyUsage: 'DERIVE_SHARED_SECRET',
    });
  });
});
