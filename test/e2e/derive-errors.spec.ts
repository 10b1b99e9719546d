// Each way a derive can fail, as the window shows it: the warning before submit, then the error with
// its code, the spec page's description of that code, the service's message, and the field it is about.
import { ERROR_DESCRIPTIONS, type ErrorCode } from '../../src/shared/errors';
import { derive, shoot } from './support/app';
import { expect, openApp, test, type Qkms } from './support/fixtures';
import { peerKey } from './support/peer-keys';
import type { Page } from '@playwright/test';

async function p256Key(qkms: Qkms, alias: string): Promise<string> {
  const { KeyMetadata } = await qkms.ok('CreateKey', { KeySpec: 'ECC_NIST_P256', Description: 'Partner exchange' });
  await qkms.ok('CreateAlias', { AliasName: `alias/${alias}`, TargetKeyId: KeyMetadata.KeyId });
  return KeyMetadata.KeyId;
}

async function expectError(page: Page, code: ErrorCode, field: 'KeyId' | 'PublicKey'): Promise<void> {
  const error = page.getByTestId('results-panel').getByRole('alert');
  await expect(error).toContainText(code);
  await expect(error).toContainText(ERROR_DESCRIPTIONS[code]);
  await expect(error).toContainText(`on ${field}`);
  await expect(error.locator('.error-message')).not.toBeEmpty();
  const input = field === 'KeyId' ? page.getByLabel('KeyId') : page.getByRole('textbox', { name: 'PublicKey' });
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  // Focus goes to the field to fix.
  await expect(input).toBeFocused();
  await expect(page.getByTestId('wire-response')).toContainText(`"__type": "${code}"`);
}

test('a disabled key: warned before submit, DisabledException after', async ({ page, qkms, renderer }) => {
  const keyId = await p256Key(qkms, 'disabled-partner');
  await qkms.ok('DisableKey', { KeyId: keyId });
  await openApp(page, renderer.url);
  await derive(page, 'alias/disabled-partner', peerKey('ECC_NIST_P256').forms.pem);
  await expect(page.locator('#derive-key-id-warn')).toContainText('is disabled');
  await expectError(page, 'DisabledException', 'KeyId');
});

test('a key pending deletion: KMSInvalidStateException', async ({ page, qkms, renderer }) => {
  const keyId = await p256Key(qkms, 'retiring');
  await qkms.ok('ScheduleKeyDeletion', { KeyId: keyId, PendingWindowInDays: 7 });
  await openApp(page, renderer.url);
  await derive(page, keyId, peerKey('ECC_NIST_P256').forms.base64Der);
  await expect(page.locator('#derive-key-id-warn')).toContainText('pending deletion');
  await expectError(page, 'KMSInvalidStateException', 'KeyId');
});

test('a peer key on the wrong curve: warned before submit, InvalidPublicKeyException after', async ({
  page,
  qkms,
  renderer,
}) => {
  await p256Key(qkms, 'partner-exchange');
  await openApp(page, renderer.url);
  await derive(page, 'alias/partner-exchange', peerKey('ECC_NIST_P384').forms.pem);
  const notes = page.locator('#derive-public-key-notes');
  await expect(notes).toContainText('P-384 (ECC_NIST_P384)');
  await expect(notes).toContainText('Wrong curve: this public key is P-384 but the KMS key is P-256');
  await expectError(page, 'InvalidPublicKeyException', 'PublicKey');
  await shoot(page, 'derive-error.png');
});

test('garbage instead of a key: warned before submit, InvalidPublicKeyException after', async ({
  page,
  qkms,
  renderer,
}) => {
  await p256Key(qkms, 'partner-exchange');
  await openApp(page, renderer.url);
  await derive(page, 'alias/partner-exchange', 'this is not a key!');
  await expect(page.locator('#derive-public-key-notes')).toContainText(
    'Will not work: The public key is not PEM, base64, hex or JWK JSON',
  );
  await expectError(page, 'InvalidPublicKeyException', 'PublicKey');
});

test('a private key pasted by mistake is named as such before anything is sent', async ({ page, qkms, renderer }) => {
  await p256Key(qkms, 'partner-exchange');
  await openApp(page, renderer.url);
  await page.getByLabel('KeyId').fill('alias/partner-exchange');
  await page.getByRole('textbox', { name: 'PublicKey' }).fill(peerKey('ECC_NIST_P256').privatePem);
  await expect(page.locator('#derive-public-key-notes')).toContainText('PKCS#8 private key; paste the public key only');
});

test('an unknown key id: NotFoundException on KeyId', async ({ page, renderer }) => {
  await openApp(page, renderer.url);
  await derive(page, 'alias/nobody', peerKey('ECC_NIST_P256').forms.pem);
  await expect(page.locator('#derive-key-id-note')).toContainText('Not in the key list');
  await expectError(page, 'NotFoundException', 'KeyId');
});
