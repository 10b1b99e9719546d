// The Keys view, end to end: create, export the public key in each format (checked against OpenSSL and
// node:crypto), save it, enable/disable, schedule and cancel deletion, import a PKCS#8 key.
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { opensslDerive, opensslKeyPair } from '../support/openssl';
import { createKeyInUi, derive, revealedSecretHex } from './support/app';
import { expect, openApp, test } from './support/fixtures';
import { peerKey } from './support/peer-keys';

test('create a key, then export its public key as base64 DER, PEM and JWK, with its fingerprint', async ({
  page,
  qkms,
  renderer,
}) => {
  await openApp(page, renderer.url);
  const keyId = await createKeyInUi(page, {
    spec: 'ECC_NIST_P384',
    alias: 'vendor-x',
    description: 'Vendor X data exchange',
    tags: [['team', 'payments']],
  });
  const details = page.getByTestId('key-details');
  await expect(details).toContainText('ECC_NIST_P384');
  await expect(details).toContainText('Vendor X data exchange');
  await expect(details.getByRole('list').filter({ hasText: 'team' })).toContainText('payments');
  await expect(page.getByTestId('key-table').locator(`[data-key-id="${keyId}"]`)).toContainText('alias/vendor-x');

  const { PublicKey } = await qkms.ok('GetPublicKey', { KeyId: keyId });
  const der = Buffer.from(PublicKey, 'base64');
  const shown = async (format: 'Base64 DER' | 'PEM' | 'JWK') => {
    await details.getByRole('button', { name: format, exact: true }).click();
    return (await page.getByTestId('public-key-text').textContent()) ?? '';
  };
  expect(await shown('Base64 DER')).toBe(PublicKey);
  const opensslPem = execFileSync('openssl', ['pkey', '-pubin', '-inform', 'DER'], { input: der }).toString();
  expect(await shown('PEM')).toBe(opensslPem);
  // Copy goes through the main process (copyText), with no clearing timer: a public key is not a secret.
  await details.getByRole('button', { name: 'Copy PEM' }).click();
  await expect(details.getByText('Copied', { exact: true })).toBeVisible();
  expect(qkms.clipboard.text).toBe(opensslPem);
  expect(qkms.clipboardTimer.pending).toBe(0);
  expect(JSON.parse(await shown('JWK'))).toEqual(
    createPublicKey({ key: der, format: 'der', type: 'spki' }).export({ format: 'jwk' }),
  );
  const fingerprint = createHash('sha256').update(der).digest('hex').match(/../g)!.join(':');
  await expect(page.getByTestId('fingerprint')).toHaveText(fingerprint);

  // Save goes through the main process's save dialog; the file written is the same key.
  for (const [format, file] of [
    ['PEM', 'vendor-x.pem'],
    ['Base64 DER', 'vendor-x.der'],
    ['JWK', 'vendor-x.jwk'],
  ] as const) {
    const target = path.join(qkms.workDir, file);
    qkms.dialogs.willSave(target);
    await details.getByRole('button', { name: format, exact: true }).click();
    await details.getByRole('button', { name: /^Save .* file…$/ }).click();
    await expect(details.getByText(`Saved to ${target}`)).toBeVisible();
    const written = readFileSync(target);
    const asKey = file.endsWith('.jwk')
      ? createPublicKey({ key: JSON.parse(written.toString()), format: 'jwk' })
      : createPublicKey({ key: written, format: file.endsWith('.der') ? 'der' : 'pem', type: 'spki' });
    expect(asKey.export({ format: 'der', type: 'spki' }).equals(der), file).toBe(true);
  }
});

test('disable and enable a key; the badge follows', async ({ page, qkms, renderer }) => {
  const { KeyMetadata } = await qkms.ok('CreateKey', { KeySpec: 'ECC_NIST_P256' });
  await openApp(page, renderer.url);
  await page.getByRole('tab', { name: 'Keys' }).click();
  const row = page.getByTestId('key-table').locator(`[data-key-id="${KeyMetadata.KeyId}"]`);
  await row.click();
  const details = page.getByTestId('key-details');
  await details.getByRole('button', { name: 'Disable' }).click();
  await expect(row).toContainText('Disabled');
  await expect(details.locator('.key-details-head')).toContainText('Disabled');
  expect((await qkms.ok('DescribeKey', { KeyId: KeyMetadata.KeyId })).KeyMetadata.KeyState).toBe('Disabled');
  await details.getByRole('button', { name: 'Enable' }).click();
  await expect(row).toContainText('Enabled');
});

test('schedule deletion (with a confirmation naming the key), then cancel it', async ({ page, qkms, renderer }) => {
  const { KeyMetadata } = await qkms.ok('CreateKey', { KeySpec: 'ECC_NIST_P256' });
  await qkms.ok('CreateAlias', { AliasName: 'alias/old-partner', TargetKeyId: KeyMetadata.KeyId });
  await openApp(page, renderer.url);
  await page.getByRole('tab', { name: 'Keys' }).click();
  await page.getByTestId('key-table').locator(`[data-key-id="${KeyMetadata.KeyId}"]`).click();
  const details = page.getByTestId('key-details');
  await details.getByRole('button', { name: 'Schedule deletion…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule deletion of alias/old-partner' });
  await expect(dialog).toContainText(KeyMetadata.KeyId);
  // The safe choice has focus: Enter alone does not delete.
  await expect(dialog.getByRole('button', { name: 'Keep the key' })).toBeFocused();
  await dialog.getByLabel('Waiting period (days)').fill('6');
  await expect(dialog.getByRole('button', { name: 'Schedule deletion' })).toBeDisabled();
  await dialog.getByLabel('Waiting period (days)').fill('7');
  await dialog.getByRole('button', { name: 'Schedule deletion' }).click();
  await expect(dialog).toBeHidden();
  await expect(details.locator('.key-details-head')).toContainText('Pending deletion');
  await expect(details.getByRole('note')).toContainText('in 6 days'); // 7 days minus the seconds elapsed
  const described = (await qkms.ok('DescribeKey', { KeyId: KeyMetadata.KeyId })).KeyMetadata;
  expect(described.KeyState).toBe('PendingDeletion');
  expect(described.DeletionDate! - Date.now() / 1000).toBeGreaterThan(7 * 86400 - 120);

  await details.getByRole('button', { name: 'Cancel deletion' }).click();
  // As in AWS KMS, a key whose deletion is cancelled comes back disabled.
  await expect(details.locator('.key-details-head')).toContainText('Disabled');
  expect((await qkms.ok('DescribeKey', { KeyId: KeyMetadata.KeyId })).KeyMetadata.KeyState).toBe('Disabled');
});

test('import a PKCS#8 private key; it derives what OpenSSL derives with that key', async ({ page, qkms, renderer }) => {
  const imported = opensslKeyPair('ECC_NIST_P256');
  await openApp(page, renderer.url);
  await page.getByRole('tab', { name: 'Keys' }).click();
  await page.getByRole('button', { name: 'Import key…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import key' });
  await dialog.getByLabel('Alias').fill('imported-partner');
  qkms.dialogs.willOpen(imported.privatePath);
  await dialog.getByRole('button', { name: 'Choose PKCS#8 file and import…' }).click();
  await expect(dialog).toBeHidden();
  expect(qkms.dialogs.opened.at(-1)?.purpose).toBe('importPrivateKey');
  const details = page.getByTestId('key-details');
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('alias/imported-partner');
  await expect(details).toContainText('EXTERNAL (imported)');
  await details.getByRole('button', { name: 'PEM', exact: true }).click();
  await expect(page.getByTestId('public-key-text')).toHaveText(imported.publicPem);

  const peer = peerKey('ECC_NIST_P256');
  await derive(page, 'alias/imported-partner', peer.forms.pem);
  expect(await revealedSecretHex(page)).toBe(opensslDerive(imported.privatePath, peer.publicDer).toString('hex'));
});

test('aliases and tags are edited in the key details', async ({ page, qkms, renderer }) => {
  const { KeyMetadata } = await qkms.ok('CreateKey', { KeySpec: 'ECC_NIST_P256' });
  await openApp(page, renderer.url);
  await page.getByRole('tab', { name: 'Keys' }).click();
  await page.getByTestId('key-table').locator(`[data-key-id="${KeyMetadata.KeyId}"]`).click();
  const details = page.getByTestId('key-details');

  await details.getByLabel('New alias').fill('ops-exchange');
  await details.getByLabel('New alias').press('Enter');
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('alias/ops-exchange');
  const aliases = await qkms.ok('ListAliases', { KeyId: KeyMetadata.KeyId });
  expect(aliases.Aliases.map((a) => a.AliasName)).toEqual(['alias/ops-exchange']);

  await details.getByLabel('Tag key').fill('owner');
  await details.getByLabel('Tag value').fill('secops');
  await details.getByRole('button', { name: 'Add tag' }).click();
  await expect(details.getByRole('listitem').filter({ hasText: 'owner' })).toContainText('secops');
  expect((await qkms.ok('ListResourceTags', { KeyId: KeyMetadata.KeyId })).Tags).toEqual([
    { TagKey: 'owner', TagValue: 'secops' },
  ]);

  await details.getByRole('button', { name: 'Remove tag owner' }).click();
  await expect(details.getByText('No tags.')).toBeVisible();
  await details.getByRole('button', { name: 'Remove alias alias/ops-exchange' }).click();
  await expect(details.getByText('No aliases.')).toBeVisible();
  expect((await qkms.ok('ListAliases', { KeyId: KeyMetadata.KeyId })).Aliases).toEqual([]);
});

test('a bad alias is refused with the service error, pointing at the action', async ({ page, qkms, renderer }) => {
  const { KeyMetadata } = await qkms.ok('CreateKey', { KeySpec: 'ECC_NIST_P256' });
  await openApp(page, renderer.url);
  await page.getByRole('tab', { name: 'Keys' }).click();
  await page.getByTestId('key-table').locator(`[data-key-id="${KeyMetadata.KeyId}"]`).click();
  const details = page.getByTestId('key-details');
  await details.getByLabel('New alias').fill('aws/reserved');
  await details.getByRole('button', { name: 'Add alias' }).click();
  const error = details.getByRole('alert');
  await expect(error).toContainText('on CreateAlias');
  await expect(error).toContainText(/InvalidAliasNameException|ValidationException/);
});
