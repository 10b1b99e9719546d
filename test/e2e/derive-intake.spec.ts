// Every form a peer key arrives in (pasted PEM, base64 DER, compressed point, hex point, JWK, a DER
// file from the open dialog), the live note for each, and the same secret from all of them; then the
// secret's handling: copy, the 30-second clipboard clearing, clear, and RecipientInfo.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { opensslDerive } from '../support/openssl';
import { derive, revealedSecretHex } from './support/app';
import { expect, openApp, test, type Qkms } from './support/fixtures';
import { peerKey } from './support/peer-keys';

async function seededKey(qkms: Qkms): Promise<{ keyId: string; publicDer: Buffer }> {
  const { KeyMetadata } = await qkms.ok('CreateKey', { KeySpec: 'ECC_NIST_P256' });
  const { PublicKey } = await qkms.ok('GetPublicKey', { KeyId: KeyMetadata.KeyId });
  return { keyId: KeyMetadata.KeyId, publicDer: Buffer.from(PublicKey, 'base64') };
}

test('every accepted form of the same peer key gives the OpenSSL secret, with a note of what it is', async ({
  page,
  qkms,
  renderer,
}) => {
  const ours = await seededKey(qkms);
  const peer = peerKey('ECC_NIST_P256');
  const expected = opensslDerive(peer.privatePath, ours.publicDer).toString('hex');
  await openApp(page, renderer.url);
  const cases: [string, string][] = [
    [peer.forms.base64Der, 'base64 text → DER SubjectPublicKeyInfo · P-256 (ECC_NIST_P256) · uncompressed point'],
    [
      peer.forms.base64CompressedDer,
      'base64 text → DER SubjectPublicKeyInfo · P-256 (ECC_NIST_P256) · compressed point',
    ],
    [peer.forms.hexPoint, 'hex text → raw SEC1 point · P-256 (ECC_NIST_P256) · uncompressed point'],
    [peer.forms.jwk, 'JWK JSON → JWK · P-256 (ECC_NIST_P256) · uncompressed point'],
  ];
  for (const [text, note] of cases) {
    await derive(page, ours.keyId, text);
    // A new secret starts masked, whatever was revealed before.
    await expect(page.getByTestId('results-panel').getByRole('button', { name: 'Reveal' })).toBeVisible();
    await expect(page.locator('#derive-public-key-notes')).toContainText(`Recognised: ${note}`);
    expect(await revealedSecretHex(page), note).toBe(expected);
  }
});

test('a DER file from the open dialog is shown as base64 and derives the OpenSSL secret', async ({
  page,
  qkms,
  renderer,
}) => {
  const ours = await seededKey(qkms);
  const peer = peerKey('ECC_NIST_P256');
  const derPath = path.join(qkms.workDir, 'partner.der');
  writeFileSync(derPath, peer.publicDer);
  await openApp(page, renderer.url);
  qkms.dialogs.willOpen(derPath);
  await page.getByRole('button', { name: 'Open file…' }).first().click();
  await expect(page.getByRole('textbox', { name: 'PublicKey' })).toHaveValue(peer.forms.base64Der);
  await expect(page.getByText('from partner.der')).toBeVisible();
  await page.getByLabel('KeyId').fill(ours.keyId);
  await page.getByRole('button', { name: 'Derive shared secret' }).click();
  expect(await revealedSecretHex(page)).toBe(opensslDerive(peer.privatePath, ours.publicDer).toString('hex'));
});

test('a PEM file dropped on the PublicKey field is read as text', async ({ page, qkms, renderer }) => {
  const ours = await seededKey(qkms);
  const peer = peerKey('ECC_NIST_P256');
  await openApp(page, renderer.url);
  // A real drop event carrying a File, as the OS delivers one (the page has DOM types; this file does not).
  const dataTransfer = await page.evaluateHandle(
    `(() => { const dt = new DataTransfer(); dt.items.add(new File([${JSON.stringify(peer.publicPem)}], 'partner.pem')); return dt; })()`,
  );
  await page.getByRole('textbox', { name: 'PublicKey' }).dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('textbox', { name: 'PublicKey' })).toHaveValue(peer.publicPem.trim());
  await expect(page.getByText('from partner.pem')).toBeVisible();
  await page.getByLabel('KeyId').fill(ours.keyId);
  await page.getByLabel('KeyId').press('Enter');
  expect(await revealedSecretHex(page)).toBe(opensslDerive(peer.privatePath, ours.publicDer).toString('hex'));
});

test('copy puts the secret on the clipboard and clears it again after 30 s; Clear empties the panel', async ({
  page,
  qkms,
  renderer,
}) => {
  const ours = await seededKey(qkms);
  await openApp(page, renderer.url);
  await derive(page, ours.keyId, peerKey('ECC_NIST_P256').forms.pem);
  const results = page.getByTestId('results-panel');
  await results.getByRole('button', { name: 'Reveal' }).click();
  const secret = await results.getByTestId('shared-secret').textContent();
  qkms.clipboard.userCopies('what the user had before');
  await results.getByRole('button', { name: 'Copy base64' }).click();
  await expect(results.getByText('clipboard clears in 30 s')).toBeVisible();
  expect(qkms.clipboard.text).toBe(secret);
  // The clearing timer runs in the main process (here: the handlers, in Node), on the clock the test moves.
  await qkms.clipboardTimer.runFor(29_999);
  expect(qkms.clipboard.text).toBe(secret);
  await qkms.clipboardTimer.runFor(1);
  expect(qkms.clipboard.text).toBe('');
  expect(qkms.clipboard.clears).toBe(1);
  await results.getByRole('button', { name: 'Clear' }).click();
  await expect(results.getByTestId('shared-secret')).toHaveCount(0);
  await expect(page.getByLabel('KeyId')).toBeFocused();
});

test('the clipboard is not cleared when the user copied something else within the 30 s', async ({
  page,
  qkms,
  renderer,
}) => {
  const ours = await seededKey(qkms);
  await openApp(page, renderer.url);
  await derive(page, ours.keyId, peerKey('ECC_NIST_P256').forms.pem);
  const results = page.getByTestId('results-panel');
  await results.getByRole('button', { name: 'Reveal' }).click();
  await results.getByRole('button', { name: 'hex', exact: true }).click();
  const hex = await results.getByTestId('shared-secret').textContent();
  await results.getByRole('button', { name: 'Copy hex' }).click();
  await expect(results.getByText('clipboard clears in 30 s')).toBeVisible();
  expect(qkms.clipboard.text).toBe(hex);
  await qkms.clipboardTimer.runFor(10_000);
  qkms.clipboard.userCopies('a ticket number the user copied meanwhile');
  await qkms.clipboardTimer.runFor(60_000);
  expect(qkms.clipboard.text).toBe('a ticket number the user copied meanwhile');
  expect(qkms.clipboard.clears).toBe(0);
  expect(qkms.clipboardTimer.pending).toBe(0);
});

test('with RecipientInfo the secret comes back only as CiphertextForRecipient, which the RSA key decrypts', async ({
  page,
  qkms,
  renderer,
}) => {
  const ours = await seededKey(qkms);
  const peer = peerKey('ECC_NIST_P256');
  const rsaPath = path.join(qkms.workDir, 'recipient.pem');
  execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', rsaPath], {
    stdio: 'ignore',
  });
  const rsaPublic = execFileSync('openssl', ['pkey', '-in', rsaPath, '-pubout']).toString();
  await openApp(page, renderer.url);
  await page.getByText('RecipientInfo (optional)').click();
  await page.getByRole('textbox', { name: 'RecipientInfo' }).fill(rsaPublic);
  await expect(page.locator('#derive-recipient-notes')).toContainText('RSA public key, 294 bytes DER');
  await derive(page, ours.keyId, peer.forms.pem);
  const results = page.getByTestId('results-panel');
  await expect(results.getByTestId('shared-secret')).toHaveCount(0);
  const ciphertextText = (await results.getByTestId('ciphertext').textContent())!;
  // The ciphertext is copied as a secret too: cleared after 30 s if still on the clipboard.
  await results.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(results.getByText('clipboard clears in 30 s')).toBeVisible();
  expect(qkms.clipboard.text).toBe(ciphertextText);
  await qkms.clipboardTimer.runFor(30_000);
  expect(qkms.clipboard.text).toBe('');
  const ciphertext = Buffer.from(ciphertextText, 'base64');
  const ciphertextPath = path.join(qkms.workDir, 'ciphertext.bin');
  writeFileSync(ciphertextPath, ciphertext);
  const decrypted = execFileSync('openssl', [
    'pkeyutl',
    '-decrypt',
    '-inkey',
    rsaPath,
    '-in',
    ciphertextPath,
    '-pkeyopt',
    'rsa_padding_mode:oaep',
    '-pkeyopt',
    'rsa_oaep_md:sha256',
    '-pkeyopt',
    'rsa_mgf1_md:sha256',
  ]);
  expect(decrypted.toString('hex')).toBe(opensslDerive(peer.privatePath, ours.publicDer).toString('hex'));
});
