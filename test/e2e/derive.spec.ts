// Derive shared secret, end to end: the built renderer, the real IPC handlers, core and keychain.
// OpenSSL is the independent reference for every secret the window shows.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { opensslDerive, opensslKeyPair } from '../support/openssl';
import { createKeyInUi, derive, openView, revealedSecretHex, shoot } from './support/app';
import { expect, openApp, test } from './support/fixtures';

test('derives the same secret as openssl pkeyutl -derive, from a PEM peer key', async ({ page, qkms, renderer }) => {
  await openApp(page, renderer.url);
  const keyId = await createKeyInUi(page, { alias: 'payments-ecdh', description: 'Settlement channel key agreement' });
  // Our public key, as the Keys view exports it (PEM), is what the peer's OpenSSL derives against.
  await page.getByTestId('key-details').getByRole('button', { name: 'PEM', exact: true }).click();
  const ourPem = (await page.getByTestId('public-key-text').textContent())!;
  const ourPemPath = path.join(qkms.workDir, 'ours.pem');
  writeFileSync(ourPemPath, ourPem);
  const peer = opensslKeyPair('ECC_NIST_P256');

  await derive(page, 'alias/payments-ecdh', peer.publicPem);
  const results = page.getByTestId('results-panel');
  await expect(results.getByTestId('result-key-id')).toHaveText(`arn:verenc:111122223333:key/${keyId}`);
  await expect(results.getByTestId('secret-length')).toHaveText('32 bytes');
  await expect(results.getByTestId('shared-secret')).not.toContainText(/[0-9a-f]{8}/);
  await expect(results.getByTestId('wire-response')).toContainText('<hidden: 32 bytes>');
  await expect(page.locator('#derive-public-key-notes')).toContainText(
    'Recognised: PEM text → DER SubjectPublicKeyInfo · P-256 (ECC_NIST_P256) · uncompressed point',
  );
  await shoot(page, 'derive-result.png');

  const expected = opensslDerive(peer.privatePath, derOf(ourPemPath)).toString('hex');
  expect(await revealedSecretHex(page)).toBe(expected);
});

function derOf(pemPath: string): Buffer {
  const pem = readFileSync(pemPath, 'utf8');
  return Buffer.from(pem.replace(/-----[^-]+-----|\s+/g, ''), 'base64');
}

test('shows the wire exchange in the form of the spec page', async ({ page, qkms, renderer }) => {
  const { KeyMetadata } = await qkms.ok('CreateKey', { KeySpec: 'ECC_NIST_P256' });
  await openApp(page, renderer.url);
  const peer = opensslKeyPair('ECC_NIST_P256');
  await derive(page, KeyMetadata.KeyId, peer.publicDer.toString('base64'));
  const request = page.getByTestId('wire-request');
  await expect(request).toContainText('POST / HTTP/1.1');
  await expect(request).toContainText('Content-Type: application/x-amz-json-1.1');
  await expect(request).toContainText('X-Amz-Target: TrentService.DeriveSharedSecret');
  const body = JSON.parse((await request.textContent())!.split('\n\n')[1]!);
  expect(body).toEqual({ KeyId: KeyMetadata.KeyId, PublicKey: peer.publicDer.toString('base64') });
  await openView(page, 'Derive shared secret');
});
