// What a user does in the window, as steps the specs share: open a view, create a key, derive.
// Locators are the ones a user (or a screen reader) would use: labels, roles and button names.
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { KeySpec } from '../../../src/shared/key-spec';

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../../docs/screenshots');

export async function openView(page: Page, view: 'Derive shared secret' | 'Keys'): Promise<void> {
  await page.getByRole('tab', { name: view }).click();
}

/** Creates a key through the Create key dialog and returns its id, read from the details pane. */
export async function createKeyInUi(
  page: Page,
  options: { spec?: KeySpec; alias?: string; description?: string; tags?: [string, string][] } = {},
): Promise<string> {
  await openView(page, 'Keys');
  await page.getByRole('button', { name: 'Create key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create key' });
  if (options.spec) await dialog.getByLabel('KeySpec').selectOption(options.spec);
  if (options.alias) await dialog.getByLabel('Alias').fill(options.alias);
  if (options.description) await dialog.getByLabel('Description').fill(options.description);
  for (const [i, [key, value]] of (options.tags ?? []).entries()) {
    await dialog.getByRole('button', { name: 'Add tag' }).click();
    await dialog.getByLabel(`Tag ${i + 1} key`).fill(key);
    await dialog.getByLabel(`Tag ${i + 1} value`).fill(value);
  }
  await dialog.getByRole('button', { name: 'Create key' }).click();
  await expect(dialog).toBeHidden();
  const details = page.getByTestId('key-details');
  if (options.alias) await expect(details.getByRole('heading', { level: 2 })).toHaveText(`alias/${options.alias}`);
  const keyId = await details.locator('dt:text-is("KeyId") + dd code').textContent();
  expect(keyId).toMatch(/^[0-9a-f-]{36}$/);
  return keyId!;
}

/** Fills the derive form and submits it with Enter, as the form invites. */
export async function derive(page: Page, keyId: string, publicKeyText: string): Promise<void> {
  await openView(page, 'Derive shared secret');
  await page.getByLabel('KeyId').fill(keyId);
  const publicKey = page.getByRole('textbox', { name: 'PublicKey' });
  await publicKey.fill(publicKeyText);
  // Wait for the live note to settle, as a user would glance at it before pressing Enter.
  await expect(page.locator('#derive-public-key-notes')).not.toContainText('Checking the key');
  await publicKey.press('Enter');
  await expect(page.getByRole('button', { name: 'Derive shared secret' })).toBeEnabled();
}

/** The revealed secret in hex, as `openssl pkeyutl -derive | xxd -p` would print it. */
export async function revealedSecretHex(page: Page): Promise<string> {
  const results = page.getByTestId('results-panel');
  await results.getByRole('button', { name: 'Reveal' }).click();
  await results.getByRole('button', { name: 'hex', exact: true }).click();
  return (await results.getByTestId('shared-secret').textContent()) ?? '';
}

export async function shoot(page: Page, name: string): Promise<void> {
  // A clean still: no hover, no focus ring from the last click.
  await page.mouse.move(0, 0);
  await page.evaluate('document.activeElement?.blur()');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), animations: 'disabled', caret: 'hide' });
}
