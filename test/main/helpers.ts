// Shared helpers of the main-process tests: temp dirs, fake dialogs, a fake clipboard, OpenSSL.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { createClipboardActions, type ClearTimer, type ClipboardPort } from '../../src/main/ipc/clipboard';
import type { DesktopDialogs } from '../../src/main/ipc/dialogs';
import { createEndpointController, type EndpointController } from '../../src/main/ipc/endpoint';

export const tempDir = (prefix = 'qkms-main-'): string => mkdtempSync(join(tmpdir(), prefix));

/** Dialogs that "choose" the given paths (undefined = the user cancels), recording each request. */
export function fakeDialogs(choices: { open?: string; save?: string } = {}) {
  return {
    chooseFileToOpen: vi.fn(async () => choices.open),
    chooseFileToSave: vi.fn(async () => choices.save),
  } satisfies DesktopDialogs;
}

/** An in-memory system clipboard, recording each call. */
export function fakeClipboard(initial = '') {
  let text = initial;
  return {
    get text(): string {
      return text;
    },
    readText: vi.fn(() => text),
    writeText: vi.fn((value: string) => void (text = value)),
    clear: vi.fn(() => void (text = '')),
  } satisfies ClipboardPort & { text: string };
}

/** Clipboard actions over a fresh fake clipboard, for tests that do not look at the clipboard. */
export const fakeClipboardActions = (timer?: ClearTimer) => createClipboardActions(fakeClipboard(), timer);

/** In-memory keychain for the endpoint's credential pair (tests that do not use the real keychain). */
export function memoryKeychain() {
  const items = new Map<string, string>();
  return {
    items,
    getSecret: vi.fn(async (account: string) => items.get(account) ?? null),
    setSecret: vi.fn(async (account: string, secret: string) => void items.set(account, secret)),
  };
}

/** An endpoint controller for tests that never switch the endpoint on: starting it fails loudly. */
export const idleEndpoint = (): EndpointController =>
  createEndpointController({
    service: { call: vi.fn(), accountId: '123456789012' },
    keychain: memoryKeychain(),
    env: {},
    startServer: async () => {
      throw new Error('this test does not start the endpoint');
    },
    resolveCredentials: async () => ({ accessKeyId: 'AKIDTEST', secretAccessKey: 'not-a-secret', source: 'generated' }),
    log: () => undefined,
  });

/** Runs OpenSSL and returns stdout as bytes; throws (with stderr) when OpenSSL refuses the input. */
export function openssl(args: string[], input?: Uint8Array | string): Buffer {
  return execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] });
}
