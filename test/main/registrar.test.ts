// The registrar: every contract channel registered once, each behind the sender check; refused senders
// and invalid payloads come back as error values, through the real service.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createKmsService } from '../../src/core/service/kms-service';
import type { KeyStore } from '../../src/core/store/types';
import { createContentPolicy } from '../../src/main/content-policy';
import { IPC_CHANNELS } from '../../src/main/ipc/channels';
import { createIpcHandlers, type IpcHandlers } from '../../src/main/ipc/handlers';
import { registerIpcHandlers } from '../../src/main/ipc/registrar';
import { createSenderCheck } from '../../src/main/ipc/sender';
import { RENDERER_OPERATIONS, DESKTOP_ACTIONS } from '../../src/shared/ipc-contract';
import { createFakeIpcMain, FakeWebContents, ipcEvent } from './electron-stub';
import { fakeClipboardActions, idleEndpoint } from './helpers';

vi.mock('electron', async () => (await import('./electron-stub')).createElectronStub());

const rendererDir = mkdtempSync(join(tmpdir(), 'qkms-renderer-'));
const appUrl = pathToFileURL(join(rendererDir, 'index.html')).href;
const policy = createContentPolicy({ rendererDir });

/** A store that must never be reached: validation fails before the service touches it. */
const untouchableStore = new Proxy({} as KeyStore, {
  get: (_target, name) => () => {
    throw new Error(`the store was touched (${String(name)})`);
  },
});
const noDialogs = {
  chooseFileToOpen: vi.fn(async () => undefined),
  chooseFileToSave: vi.fn(async () => undefined),
};

function setUp(handlers?: IpcHandlers) {
  const ipcMain = createFakeIpcMain();
  const appContents = new FakeWebContents();
  const service = createKmsService({
    store: untouchableStore,
    accountId: '111122223333',
    logInternalError: () => undefined,
  });
  const check = createSenderCheck(policy, (contents: WebContents) => contents.id === appContents.id);
  registerIpcHandlers(
    ipcMain,
    handlers ?? createIpcHandlers(service, noDialogs, fakeClipboardActions(), idleEndpoint()),
    check,
  );
  const invoke = (channel: string, event: unknown, payload: unknown) => ipcMain.channels.get(channel)!(event, payload);
  return { ipcMain, appContents, invoke };
}

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per contract channel', () => {
    const { ipcMain } = setUp();
    const expected = [...RENDERER_OPERATIONS.map((op) => `qkms:${op}`), ...DESKTOP_ACTIONS.map((a) => `qkms:${a}`)];
    expect([...ipcMain.channels.keys()].sort()).toEqual([...expected].sort());
    expect(ipcMain.handle).toHaveBeenCalledTimes(expected.length);
    expect(ipcMain.channels.has('qkms:ImportKey')).toBe(false);
    expect(IPC_CHANNELS).toHaveLength(expected.length);
  });

  it('refuses a second registration', () => {
    const ipcMain = createFakeIpcMain();
    const handlers = createIpcHandlers({ call: vi.fn() }, noDialogs, fakeClipboardActions(), idleEndpoint());
    registerIpcHandlers(ipcMain, handlers, () => undefined);
    expect(() => registerIpcHandlers(ipcMain, handlers, () => undefined)).toThrow(/already registered/);
    expect(ipcMain.handle).toHaveBeenCalledTimes(IPC_CHANNELS.length);
  });

  it('refuses handlers that do not match the contract', () => {
    const handlers = createIpcHandlers({ call: vi.fn() }, noDialogs, fakeClipboardActions(), idleEndpoint());
    const { ['qkms:ListKeys']: _dropped, ...missing } = handlers;
    expect(() => registerIpcHandlers(createFakeIpcMain(), missing, () => undefined)).toThrow(/missing: qkms:ListKeys/);
    const extra = { ...handlers, 'qkms:ImportKey': vi.fn() };
    expect(() => registerIpcHandlers(createFakeIpcMain(), extra, () => undefined)).toThrow(/unknown: qkms:ImportKey/);
  });

  it('dispatches a call from the app page to its handler', async () => {
    const handler = vi.fn(async (payload: unknown) => ({ ok: true as const, value: { echoed: payload } }));
    const handlers = Object.fromEntries(IPC_CHANNELS.map((c) => [c, handler]));
    const { appContents, invoke } = setUp(handlers);
    await expect(invoke('qkms:ListKeys', ipcEvent(appContents, appUrl), { Limit: 5 })).resolves.toEqual({
      ok: true,
      value: { echoed: { Limit: 5 } },
    });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  describe('refuses, as an AccessDeniedException value, without calling the handler,', () => {
    const handler = vi.fn(async () => ({ ok: true as const, value: 'should not run' }));
    const refused = async (make: (appContents: FakeWebContents) => unknown) => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const { appContents, invoke } = setUp(Object.fromEntries(IPC_CHANNELS.map((c) => [c, handler])));
      const result = (await invoke('qkms:DescribeKey', make(appContents), { KeyId: 'alias/x' })) as {
        ok: boolean;
        error: { __type: string; message: string };
      };
      expect(result.ok).toBe(false);
      expect(result.error.__type).toBe('AccessDeniedException');
      expect(handler).not.toHaveBeenCalled();
      return result.error.message;
    };

    it('a null senderFrame', async () => {
      expect(await refused((c) => ipcEvent(c, appUrl, { nullFrame: true }))).toMatch(/no longer exists/);
    });
    it('a subframe, even of the app page', async () => {
      expect(await refused((c) => ipcEvent(c, appUrl, { subframe: true }))).toMatch(/subframe/);
    });
    it('another web contents', async () => {
      expect(await refused(() => ipcEvent(new FakeWebContents(), appUrl))).toMatch(/not the app window/);
    });
    it('a page that is not the app', async () => {
      expect(await refused((c) => ipcEvent(c, 'https://example.com/'))).toMatch(/not the app's page/);
      expect(await refused((c) => ipcEvent(c, 'file:///tmp/evil.html'))).toMatch(/not the app's page/);
      expect(await refused((c) => ipcEvent(c, 'http://localhost:5173/'))).toMatch(/not the app's page/);
    });
  });

  it('returns a ValidationException value for an invalid payload, through the real service', async () => {
    const { appContents, invoke } = setUp();
    const event = ipcEvent(appContents, appUrl);
    const cases: [string, unknown, RegExp][] = [
      ['qkms:CreateKey', { KeySpec: 'RSA_2048' }, /KeySpec must be one of/],
      ['qkms:CreateKey', { KeySpec: 'ECC_NIST_P256', Bogus: 1 }, /unknown parameter 'Bogus'/],
      ['qkms:DeriveSharedSecret', { KeyId: 'alias/x' }, /required/],
      ['qkms:DescribeKey', 'not an object', /must be a JSON object/],
      ['qkms:ListKeys', null, /must be a JSON object/],
      ['qkms:ScheduleKeyDeletion', { KeyId: 'k', PendingWindowInDays: 3 }, /7 to 30/],
      ['qkms:savePublicKey', { KeyId: 'k', Format: 'XML' }, /Format must be one of/],
      ['qkms:importKeyFromFile', { KeySpec: 'ECC_NIST_P256', PrivateKey: 'AAAA' }, /unknown parameter 'PrivateKey'/],
      ['qkms:openPublicKeyFile', { Path: '/etc/passwd' }, /takes no parameters/],
      ['qkms:copySecret', { Text: 'c2VjcmV0', ClearAfterSeconds: 1 }, /at least 5/],
      ['qkms:copyText', {}, /Text is required/],
    ];
    for (const [channel, payload, message] of cases) {
      const result = (await invoke(channel, event, payload)) as {
        ok: boolean;
        error: { __type: string; message: string };
      };
      expect(result, channel).toMatchObject({ ok: false, error: { __type: 'ValidationException' } });
      expect(result.error.message, channel).toMatch(message);
    }
    expect(noDialogs.chooseFileToOpen).not.toHaveBeenCalled();
  });

  it('turns a throwing handler into a KMSInternalException value', async () => {
    const handlers = Object.fromEntries(
      IPC_CHANNELS.map((c) => [c, async () => Promise.reject(new Error('secret detail'))]),
    );
    const { appContents, invoke } = setUp(handlers);
    const result = await invoke('qkms:ListKeys', ipcEvent(appContents, appUrl), {});
    expect(result).toEqual({
      ok: false,
      error: { __type: 'KMSInternalException', message: 'An internal error occurred in the desktop app.' },
    });
  });
});
