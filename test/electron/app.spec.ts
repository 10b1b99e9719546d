// The real desktop app, launched with Playwright's _electron: the hardened window exposes only
// window.qkms, and the derive flow (create a key in the UI, paste an OpenSSL-made peer public key,
// derive, reveal) shows the secret OpenSSL computes. Runs where an Electron binary exists; elsewhere it
// reports itself skipped with the reason. Picked up by playwright.config.ts (testMatch electron/**).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { DESKTOP_ACTIONS, RENDERER_OPERATIONS, methodOf, type QkmsApi } from '../../src/shared/ipc-contract';
import { opensslKeyPair } from '../support/openssl';
import { findElectronBinary, ROOT } from './electron-binary';

const binary = findElectronBinary();
test.skip(binary.missing !== undefined, `Electron app spec skipped: ${binary.missing ?? ''}`);

let app: ElectronApplication;
let appWindow: Page;
let home: string;

test.beforeAll(async () => {
  if (process.env.QKMS_PRIVATE_KEYRING !== '1') {
    throw new Error('This spec uses the real keychain: run it under scripts/with-keyring.sh (npm run test:e2e).');
  }
  const main = path.join(ROOT, 'out/main/index.js');
  if (!existsSync(main)) throw new Error('out/main/index.js is missing: run `npm run build` first.');
  home = mkdtempSync(path.join(tmpdir(), 'qkms-electron-'));
  app = await _electron.launch({
    executablePath: binary.path!,
    // Chromium refuses to run as root with its sandbox; containers running the tests as root need this.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), main],
    cwd: ROOT,
    env: {
      ...process.env,
      // Its own userData (XDG_CONFIG_HOME/QKMS Desktop, also the single-instance lock), index and keychain items.
      XDG_CONFIG_HOME: path.join(home, 'config'),
      QKMS_DATA_DIR: path.join(home, 'data'),
      QKMS_KEYCHAIN_SERVICE: `qkms-test-electron-${randomBytes(4).toString('hex')}`,
      QKMS_ACCOUNT_ID: '123456789012',
    },
  });
  appWindow = await app.firstWindow();
  await appWindow.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

test('the window is the hardened app page with window.qkms and nothing else', async () => {
  expect(await app.evaluate(({ app: electronApp }) => electronApp.getName())).toBe('QKMS Desktop');
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  const page = await appWindow.evaluate(() => ({
    url: (globalThis as unknown as { location: { href: string } }).location.href,
    methods: Object.keys((globalThis as unknown as { qkms: object }).qkms).sort(),
    node:
      typeof (globalThis as { require?: unknown }).require + '/' + typeof (globalThis as { process?: unknown }).process,
    ipc: 'ipcRenderer' in globalThis,
  }));
  expect(page.url).toMatch(/^file:.*\/out\/renderer\/index\.html/);
  expect(page.methods).toEqual([...RENDERER_OPERATIONS.map((op) => methodOf(op) as string), ...DESKTOP_ACTIONS].sort());
  expect(page.node).toBe('undefined/undefined');
  expect(page.ipc).toBe(false);
  // A remote request is cancelled by the session (the CSP would also refuse it).
  const fetched = await appWindow.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'loaded',
      (e: Error) => `refused: ${e.message}`,
    ),
  );
  expect(fetched).toMatch(/^refused/);
});

test('derive flow: create a key, paste an OpenSSL peer key, derive, and see what OpenSSL derives', async () => {
  // Create a key through the Keys view.
  const description = `electron spec ${randomBytes(3).toString('hex')}`;
  await appWindow.getByRole('tab', { name: 'Keys' }).click();
  await appWindow.getByRole('button', { name: 'Create key', exact: true }).click();
  const dialog = appWindow.getByRole('dialog', { name: 'Create key' });
  await dialog.locator('#create-description').fill(description);
  await dialog.getByRole('button', { name: 'Create key', exact: true }).click();
  await expect(dialog).toBeHidden();

  // Its id and public key, as the app's own API returns them.
  const key = await appWindow.evaluate(async (wanted) => {
    const qkms = (globalThis as unknown as { qkms: QkmsApi }).qkms;
    const list = await qkms.listKeyDetails({});
    const found = list.ok ? list.value.Keys.find((k) => k.Description === wanted) : undefined;
    if (!found) throw new Error('the created key is not listed');
    const publicKey = await qkms.getPublicKey({ KeyId: found.KeyId });
    if (!publicKey.ok) throw new Error(publicKey.error.message);
    return { KeyId: found.KeyId, PublicKey: publicKey.value.PublicKey, KeySpec: found.KeySpec };
  }, description);
  expect(key.KeySpec).toBe('ECC_NIST_P256');

  // OpenSSL: the peer's private key with our public key gives the same Z as our key with the peer's.
  const peer = opensslKeyPair('ECC_NIST_P256');
  const ours = path.join(peer.dir, 'ours.der');
  writeFileSync(ours, Buffer.from(key.PublicKey, 'base64'));
  const expected = execFileSync('openssl', [
    'pkeyutl',
    '-derive',
    '-inkey',
    peer.privatePath,
    '-peerkey',
    ours,
    '-peerform',
    'DER',
  ]).toString('base64');

  // Derive in the UI with the pasted PEM.
  await appWindow.getByRole('tab', { name: 'Derive shared secret' }).click();
  await appWindow.locator('#derive-key-id').fill(key.KeyId);
  await appWindow.locator('#derive-public-key').fill(peer.publicPem);
  await appWindow.getByTestId('derive-submit').click();
  const secret = appWindow.getByTestId('shared-secret');
  await expect(secret).toBeVisible();
  await expect(appWindow.getByTestId('secret-length')).toHaveText('32 bytes');
  await appWindow.getByRole('button', { name: 'Reveal', exact: true }).click();
  await expect(secret).toHaveText(expected);
});
