// The loopback endpoint's switch, driven in the real renderer over the real handlers, core, keychain and
// server: off by default; switched on (by keyboard) it shows the URL and the credentials, and an
// unmodified @aws-sdk/client-kms client in the test (Node side) signs with what the page shows and sees
// the key created in the window; switched off, the port refuses connections. A busy or bad port is shown
// with the shared error view.
import { createServer, type Server } from 'node:net';
import { KMSClient, ListAliasesCommand, ListKeysCommand } from '@aws-sdk/client-kms';
import type { Page } from '@playwright/test';
import { createKeyInUi, shoot } from './support/app';
import { expect, openApp, test } from './support/fixtures';

const clients: KMSClient[] = [];
function sdk(endpoint: string, accessKeyId: string, secretAccessKey: string): KMSClient {
  const client = new KMSClient({
    endpoint,
    region: 'us-west-2',
    maxAttempts: 1,
    credentials: { accessKeyId, secretAccessKey },
  });
  clients.push(client);
  return client;
}
test.afterAll(() => {
  for (const client of clients) client.destroy();
});

const endpointSwitch = (page: Page) => page.getByRole('switch', { name: 'Serve the endpoint' });

test('switched on, the endpoint serves the window’s keys to an SDK client; switched off, it refuses', async ({
  page,
  qkms,
  renderer,
}) => {
  await openApp(page, renderer.url);
  const indicator = page.getByTestId('endpoint-indicator');
  await expect(indicator).toHaveText('Endpoint off');
  const keyId = await createKeyInUi(page, { alias: 'from-the-window', description: 'seen over the endpoint' });

  // The header's indicator opens the Endpoint view; the switch is off and nothing listens.
  await indicator.click();
  await expect(page.getByRole('tab', { name: 'Endpoint' })).toHaveAttribute('aria-selected', 'true');
  const toggle = endpointSwitch(page);
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  expect(qkms.endpoint.isActive()).toBe(false);

  // On, by keyboard, on any free port.
  await page.getByLabel('Port').fill('0');
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(toggle).toBeFocused();
  const url = (await page.getByTestId('endpoint-url').textContent()) ?? '';
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d{4,5}$/);
  const port = url.split(':').pop();
  await expect(indicator).toHaveText(`Endpoint on :${port}`);
  await expect(page.getByLabel('Port')).toHaveValue(port!);
  const accessKeyId = (await page.getByTestId('endpoint-access-key-id').textContent()) ?? '';
  expect(accessKeyId).toMatch(/^QKMS[A-Z2-7]{16}$/);

  // The secret is masked, in its field and in the snippet, until revealed.
  const secretField = page.getByTestId('endpoint-secret-access-key');
  await expect(secretField).toHaveText(/^•+$/);
  const snippet = page.getByTestId('endpoint-snippet');
  await expect(snippet).toContainText(`aws kms list-keys --endpoint-url ${url}`);
  await expect(snippet).toContainText(`AWS_ACCESS_KEY_ID=${accessKeyId}`);
  await shoot(page, 'endpoint.png');

  await page.getByRole('button', { name: 'Reveal' }).click();
  const secret = (await secretField.textContent()) ?? '';
  expect(secret).toMatch(/^\S{20,}$/);
  await expect(snippet).toContainText(secret);
  await page.getByRole('button', { name: 'SDK for JavaScript' }).click();
  await expect(snippet).toContainText(`endpoint: '${url}',`);
  await expect(snippet).toContainText(`secretAccessKey: '${secret}',`);
  // Copied through the main process (window.qkms.copyText), to paste into an SDK configuration.
  await page.getByRole('button', { name: 'Copy secret' }).click();
  await expect(page.getByText('Copied', { exact: true })).toBeVisible();
  expect(qkms.clipboard.text).toBe(secret);
  // Hidden again, the snippet still copies whole.
  await page.getByRole('button', { name: 'Hide' }).click();
  await expect(snippet).not.toContainText(secret);
  await page.getByRole('button', { name: 'Copy snippet' }).click();
  await expect.poll(() => qkms.clipboard.text).toContain(`secretAccessKey: '${secret}',`);

  // An unmodified SDK client, signing with what the page shows, sees the key created in the window.
  const kms = sdk(url, accessKeyId, secret);
  const keys = await kms.send(new ListKeysCommand({}));
  expect(keys.Keys?.map((k) => k.KeyId)).toEqual([keyId]);
  const aliases = await kms.send(new ListAliasesCommand({}));
  expect(aliases.Aliases?.map((a) => [a.AliasName, a.TargetKeyId])).toEqual([['alias/from-the-window', keyId]]);

  // Off again: the port refuses connections, the details are gone.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(indicator).toHaveText('Endpoint off');
  await expect(page.getByTestId('endpoint-details')).toHaveCount(0);
  await expect(sdk(url, accessKeyId, secret).send(new ListKeysCommand({}))).rejects.toMatchObject({
    code: 'ECONNREFUSED',
  });
  expect(qkms.endpoint.isActive()).toBe(false);

  // One log line per request, and never the secret.
  expect(qkms.endpointLog.filter((line) => / (ListKeys|ListAliases) key=- 200 OK /.test(line))).toHaveLength(2);
  expect(qkms.endpointLog.join('\n')).not.toContain(secret);
});

test('a busy port and an out-of-range port are shown with the error view, and the switch stays off', async ({
  page,
  renderer,
}) => {
  const blocker: Server = createServer();
  const busy = await new Promise<number>((resolve) =>
    blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
  );
  try {
    await openApp(page, renderer.url);
    await page.getByRole('tab', { name: 'Endpoint' }).click();
    const toggle = endpointSwitch(page);
    const portField = page.getByLabel('Port');
    const error = page.getByTestId('error-view');

    await portField.fill(String(busy));
    await toggle.click();
    await expect(error).toContainText('AlreadyExistsException');
    await expect(error).toContainText(
      `Port ${busy} on 127.0.0.1 is already in use; choose another (0 picks a free one)`,
    );
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect(portField).toHaveAttribute('aria-invalid', 'true');

    // Enter in the port field switches it on, as the form invites.
    await portField.fill('80');
    await portField.press('Enter');
    await expect(error).toContainText('ValidationException');
    await expect(error).toContainText('Port must be a whole number from 1024 to 65535, or 0 for any free port');
    await expect(toggle).toHaveAttribute('aria-checked', 'false');

    await portField.fill('0');
    await portField.press('Enter');
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect(error).toHaveCount(0);
    await expect(portField).toHaveAttribute('aria-invalid', 'false');
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
});
