// The key list at scale and by keyboard: thousands of keys stay responsive because only the rows in
// view are rendered; filter, sort and arrow keys work; and the docs screenshots of the Keys view.
import type { KeySpec } from '../../src/shared/key-spec';
import { shoot } from './support/app';
import { expect, openApp, test, type Qkms } from './support/fixtures';

test('2000 keys: the list renders only the rows in view, and filters, sorts and scrolls by keyboard', async ({
  page,
  qkms,
  renderer,
}) => {
  test.setTimeout(180_000);
  // PendingImport keys (Origin EXTERNAL) live only in the metadata index, so thousands seed quickly.
  const ids: string[] = [];
  for (let i = 0; i < 2000; i++) {
    ids.push(
      (await qkms.ok('CreateKey', { KeySpec: 'ECC_NIST_P256', Origin: 'EXTERNAL', Description: `bulk ${i}` }))
        .KeyMetadata.KeyId,
    );
  }
  await openApp(page, renderer.url);
  await page.getByRole('tab', { name: 'Keys' }).click();
  await expect(page.getByTestId('key-count')).toHaveText('2000 of 2000 keys');
  const table = page.getByTestId('key-table');
  await expect(table).toHaveAttribute('aria-rowcount', '2001');
  expect(await table.locator('[role="row"][data-index]').count()).toBeLessThan(60);

  await page.getByPlaceholder(/^Filter by alias/).fill(ids[1234]!.slice(0, 13));
  await expect(page.getByTestId('key-count')).toHaveText(/^[1-9] of 2000 keys$/);
  await expect(table.locator(`[data-key-id="${ids[1234]}"]`)).toBeVisible();
  await page.getByPlaceholder(/^Filter by alias/).fill('');

  // Oldest first, then keyboard: the first row takes focus, End jumps to the newest key.
  await table.getByRole('button', { name: 'Created' }).click();
  await expect(table.getByRole('columnheader', { name: 'Created' })).toHaveAttribute('aria-sort', 'ascending');
  const first = table.locator('[role="row"][data-index="0"]');
  await expect(first).toHaveAttribute('data-key-id', ids[0]!);
  await first.click();
  await page.keyboard.press('End');
  const last = table.locator(`[data-key-id="${ids[1999]}"]`);
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('key-details')).toContainText('bulk 1999');
  await page.keyboard.press('ArrowUp');
  await expect(table.locator(`[data-key-id="${ids[1998]}"]`)).toBeFocused();
});

interface Seed {
  alias: string;
  spec: KeySpec;
  description: string;
  state?: 'Disabled' | 'PendingDeletion';
  tags?: [string, string][];
}

const SEEDS: Seed[] = [
  {
    alias: 'payments-settlement',
    spec: 'ECC_NIST_P256',
    description: 'Settlement channel with Acquirer A',
    tags: [
      ['team', 'payments'],
      ['env', 'prod'],
    ],
  },
  { alias: 'vendor-x-exchange', spec: 'ECC_NIST_P384', description: 'Vendor X file exchange' },
  { alias: 'hsm-migration', spec: 'ECC_NIST_P521', description: 'Migration from the old HSM', state: 'Disabled' },
  {
    alias: 'partner-b-2023',
    spec: 'ECC_NIST_P256',
    description: 'Partner B (rotated in 2024)',
    state: 'PendingDeletion',
  },
  { alias: 'wallet-bridge', spec: 'ECC_SECG_P256K1', description: 'Wallet bridge demo' },
  { alias: 'lab-demo', spec: 'ECC_NIST_P256', description: 'Training lab' },
  { alias: 'backup-escrow', spec: 'ECC_NIST_P384', description: 'Backup escrow agreement' },
];

async function seedKeys(qkms: Qkms): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const seed of SEEDS) {
    const { KeyMetadata } = await qkms.ok('CreateKey', {
      KeySpec: seed.spec,
      Description: seed.description,
      Tags: (seed.tags ?? []).map(([TagKey, TagValue]) => ({ TagKey, TagValue })),
    });
    await qkms.ok('CreateAlias', { AliasName: `alias/${seed.alias}`, TargetKeyId: KeyMetadata.KeyId });
    if (seed.state === 'Disabled') await qkms.ok('DisableKey', { KeyId: KeyMetadata.KeyId });
    if (seed.state === 'PendingDeletion')
      await qkms.ok('ScheduleKeyDeletion', { KeyId: KeyMetadata.KeyId, PendingWindowInDays: 14 });
    ids.set(seed.alias, KeyMetadata.KeyId);
  }
  // One signing key and one key awaiting its material, so every badge and usage appears.
  await qkms.ok('CreateKey', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY', Description: 'Release signing' });
  await qkms.ok('CreateKey', { KeySpec: 'ECC_NIST_P256', Origin: 'EXTERNAL', Description: 'Awaiting key material' });
  return ids;
}

test('keys list and key details, by keyboard alone (and the docs screenshots)', async ({ page, qkms, renderer }) => {
  const ids = await seedKeys(qkms);
  await openApp(page, renderer.url);
  // Keyboard only: Tab to the view tabs, arrow to Keys, Tab into the toolbar and on to the list.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('tab', { name: 'Derive shared secret' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Keys' })).toHaveAttribute('aria-selected', 'true');
  await page.getByPlaceholder(/^Filter by alias/).fill('payments');
  await expect(page.getByTestId('key-count')).toHaveText('1 of 9 keys');
  await page.getByPlaceholder(/^Filter by alias/).fill('');
  await expect(page.getByTestId('key-count')).toHaveText('9 of 9 keys');
  await page.getByTestId('key-table').getByRole('button', { name: 'Alias / key id' }).click();
  // At the default window size nothing in the list is cut off: whole key ids, the deletion date under
  // its badge, the zone under each creation time.
  const clipped = await page
    .getByTestId('key-table')
    .locator('.key-id, [role="gridcell"]')
    .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent));
  expect(clipped).toEqual([]);
  const pending = page.getByTestId('key-table').locator(`[data-key-id="${ids.get('partner-b-2023')}"]`);
  await expect(pending).toContainText(/Pending deletion\s*on \d{4}-\d{2}-\d{2}/);
  await expect(pending).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\+00:00/);
  await shoot(page, 'keys-list.png');

  const row = page.getByTestId('key-table').locator(`[data-key-id="${ids.get('payments-settlement')}"]`);
  await row.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(row).toHaveAttribute('aria-selected', 'true');
  const details = page.getByTestId('key-details');
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('alias/payments-settlement');
  await expect(details.getByRole('list').filter({ hasText: 'team' })).toContainText('payments');
  await expect(page.getByTestId('fingerprint')).toHaveText(/^([0-9a-f]{2}:){31}[0-9a-f]{2}$/);
  // The public key's lines are shown whole, without a horizontal scroll.
  const pem = page.getByTestId('public-key-text');
  expect(await pem.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  // The pane scrolls within the window rather than running off its bottom edge.
  const overflow = await details.evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(overflow, 'the details pane scrolls on its own').toBeGreaterThan(0);
  await expect(details).toHaveCSS('overflow-y', 'auto');
  await expect(details).toBeInViewport({ ratio: 1 });
  // For the screenshot, a window tall enough to show the whole pane, down to the tags.
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: viewport.width, height: viewport.height + overflow + 8 });
  await expect(details.getByRole('button', { name: 'Add tag' })).toBeInViewport({ ratio: 1 });
  expect(await details.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(0);
  await shoot(page, 'key-details.png');
  await page.setViewportSize(viewport);
});
