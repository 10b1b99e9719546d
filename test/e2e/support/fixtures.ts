// The e2e fixture: the built renderer served on 127.0.0.1, and `window.qkms` backed by the very handler
// functions the Electron registrar registers (createIpcHandlers), over the real core service and the real
// keychain. Each test gets its own data directory and keychain service name, fake file dialogs, a
// fake clipboard whose clearing timer the test moves on by hand, and the real loopback endpoint switch
// (the real server, over the same service), stopped when the test ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { DEFAULT_ACCOUNT_ID, openKeychain } from '../../../src/core/open-service';
import {
  createClipboardActions,
  createEndpointController,
  createIpcHandlers,
  type EndpointController,
  type IpcHandlers,
} from '../../../src/main/ipc/handlers';
import { resolveCredentials, startServer } from '../../../src/server';
import { DESKTOP_ACTIONS, RENDERER_OPERATIONS, channelOf, methodOf } from '../../../src/shared/ipc-contract';
import { createTempService, type TempService } from '../../support/temp-service';
import { FakeClipboard, ManualTimer } from './fake-clipboard';
import { FakeDialogs } from './fake-dialogs';
import { RENDERER_DIR } from './global-setup';
import { serveDirectory, type StaticServer } from './static-server';

export interface Qkms extends TempService {
  dialogs: FakeDialogs;
  /** The system clipboard the copy actions write to. */
  clipboard: FakeClipboard;
  /** The clock of the clipboard's clearing timer (the handlers run in Node, not in the page). */
  clipboardTimer: ManualTimer;
  handlers: IpcHandlers;
  /** The endpoint switch behind getEndpointStatus / startEndpoint / stopEndpoint. */
  endpoint: EndpointController;
  /** What the endpoint logged (one line per request, start and stop), instead of stderr. */
  endpointLog: string[];
  /** A scratch directory for this test's files (peer keys, saved public keys). */
  workDir: string;
}

/** [method, channel] for every window.qkms function, from the contract the preload also uses. */
const METHODS: [string, string][] = [
  ...RENDERER_OPERATIONS.map((op): [string, string] => [methodOf(op), channelOf(op)]),
  ...DESKTOP_ACTIONS.map((action): [string, string] => [action, channelOf(action)]),
];

export const test = base.extend<{ qkms: Qkms; pageProblems: string[] }, { renderer: StaticServer }>({
  renderer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const server = await serveDirectory(RENDERER_DIR);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  qkms: async ({}, use, testInfo) => {
    // Refuse to write test keys into the user's own keyring.
    if (process.env.QKMS_PRIVATE_KEYRING !== '1') {
      throw new Error(
        'The e2e tests use the real keychain: run them with `npm run test:e2e` (scripts/with-keyring.sh).',
      );
    }
    // The default account (as the README and an unconfigured app show): the docs screenshots come from here.
    const temp = createTempService(`e2e-${testInfo.workerIndex}`, DEFAULT_ACCOUNT_ID);
    const dialogs = new FakeDialogs();
    const clipboard = new FakeClipboard();
    const clipboardTimer = new ManualTimer();
    const endpointLog: string[] = [];
    const endpoint = createEndpointController({
      service: temp.service,
      keychain: openKeychain(temp.settings),
      env: { ...temp.env, QKMS_ACCESS_KEY_ID: undefined, QKMS_SECRET_ACCESS_KEY: undefined },
      startServer,
      resolveCredentials,
      log: (line) => endpointLog.push(line),
    });
    const handlers = createIpcHandlers(
      temp.service,
      dialogs,
      createClipboardActions(clipboard, clipboardTimer),
      endpoint,
    );
    const workDir = mkdtempSync(path.join(tmpdir(), 'qkms-e2e-files-'));
    await use({ ...temp, dialogs, clipboard, clipboardTimer, handlers, endpoint, endpointLog, workDir });
    await endpoint.shutdown();
    temp.cleanup();
    rmSync(workDir, { recursive: true, force: true });
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  pageProblems: async ({}, use) => {
    await use([]);
  },

  page: async ({ page, qkms, pageProblems }, use) => {
    // Anything the page logs as an error (a CSP violation, an uncaught exception) fails the test.
    page.on('pageerror', (error) => pageProblems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageProblems.push(`console.error: ${message.text()}`);
    });
    // No clipboard permission is granted, as in the app: copying goes through the handlers.
    await page.exposeBinding('__qkmsInvoke', async (_source, channel: string, payload: unknown) => {
      const handler = qkms.handlers[channel];
      if (!handler)
        return { ok: false, error: { __type: 'UnsupportedOperationException', message: `no handler for ${channel}` } };
      return handler(payload);
    });
    // Same shape as the preload's window.qkms: one named function per channel, nothing else.
    await page.addInitScript((methods: [string, string][]) => {
      const scope = globalThis as unknown as {
        __qkmsInvoke: (channel: string, payload: unknown) => Promise<unknown>;
        qkms?: unknown;
      };
      const api: Record<string, (request?: unknown) => Promise<unknown>> = {};
      for (const [method, channel] of methods) api[method] = (request) => scope.__qkmsInvoke(channel, request);
      Object.defineProperty(scope, 'qkms', { value: Object.freeze(api) });
      // The app's session grants no clipboard permission, so navigator.clipboard fails there; it fails
      // here too, and a renderer that still used it would show "Copy failed".
      const refuse = () => Promise.reject(new DOMException('Clipboard permission denied', 'NotAllowedError'));
      const clipboard = (globalThis as unknown as { navigator: { clipboard?: object } }).navigator.clipboard;
      if (clipboard) {
        for (const name of ['read', 'readText', 'write', 'writeText'])
          Object.defineProperty(clipboard, name, { value: refuse });
      }
    }, METHODS);
    await use(page);
    expect(pageProblems, 'the page logged errors').toEqual([]);
  },
});

export { expect };

/** Opens the app and waits for the keychain check, so every test starts from a settled window. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('keychain-status')).toContainText('Keychain ready');
}
