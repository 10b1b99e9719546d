// App lifecycle against the electron stand-in: app name and userData, the single-instance lock, the
// session hardened and the IPC registered before the one window opens, and IPC dispatch from that window.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ElectronStub, FakeBrowserWindow as FakeWindowClass } from './electron-stub';
import { FakeWebContents, ipcEvent, resetElectronStub } from './electron-stub';
import { memoryKeychain } from './helpers';

vi.mock('electron', async () => (await import('./electron-stub')).createElectronStub());

async function load() {
  vi.resetModules(); // a fresh registrar (it refuses a second registration) and lifecycle module
  const electron = (await import('electron')) as unknown as ElectronStub;
  const { startApp } = await import('../../src/main/app-lifecycle');
  resetElectronStub(electron);
  const Window = electron.BrowserWindow as unknown as typeof FakeWindowClass;
  return { electron, startApp, Window };
}

const rendererDir = '/opt/qkms/out/renderer';
const openKeychain = () => memoryKeychain();
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startApp', () => {
  beforeEach(() => {
    delete process.env.QKMS_DATA_DIR;
  });

  it('quits at once when another instance holds the lock', async () => {
    const { electron, startApp, Window } = await load();
    electron.app.singleInstance = false;
    const openService = vi.fn();
    startApp({ rendererDir, preloadPath: '/p.cjs', openService, openKeychain });
    electron.app.fireReady();
    await tick();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(openService).not.toHaveBeenCalled();
    expect(Window.instances).toHaveLength(0);
  });

  it('names the app, hardens the session, registers IPC and opens one window', async () => {
    const { electron, startApp, Window } = await load();
    const call = vi.fn(async () => ({ ok: true, value: { Keys: [], Truncated: false } }));
    const openService = vi.fn(() => ({ call }) as never);
    startApp({
      rendererDir,
      preloadPath: '/opt/qkms/out/preload/index.cjs',
      devServerUrl: undefined,
      openService,
      openKeychain,
    });

    expect(electron.app.setName).toHaveBeenCalledWith('QKMS Desktop');
    expect(electron.app.getPath('userData')).toBe(join('/tmp/qkms-fake-appdata', 'QKMS Desktop'));
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(Window.instances).toHaveLength(0);

    electron.app.fireReady();
    await tick();
    const session = electron.session.defaultSession;
    expect(session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(session.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(openService).toHaveBeenCalledWith(
      expect.objectContaining({ QKMS_DATA_DIR: join('/tmp/qkms-fake-appdata', 'QKMS Desktop') }),
    );
    expect(Window.instances).toHaveLength(1);
    const window = Window.instances[0]!;
    expect(window.loadURL).toHaveBeenCalledWith(pathToFileURL(join(rendererDir, 'index.html')).href);
    expect(electron.ipcMain.channels.size).toBeGreaterThan(20);

    // The window's own page may call; another web contents may not.
    const appUrl = pathToFileURL(join(rendererDir, 'index.html')).href;
    const listKeys = electron.ipcMain.channels.get('qkms:ListKeys')!;
    await expect(listKeys(ipcEvent(window.webContents, appUrl), {})).resolves.toEqual({
      ok: true,
      value: { Keys: [], Truncated: false },
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(listKeys(ipcEvent(new FakeWebContents(), appUrl), {})).resolves.toMatchObject({
      ok: false,
      error: { __type: 'AccessDeniedException' },
    });
    expect(call).toHaveBeenCalledTimes(1);

    // Every web contents gets the guards; a second launch focuses the window.
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    electron.app.emit('second-instance');
    expect(window.focus).toHaveBeenCalled();
  });

  it("copies through Electron's clipboard, and a pending clear runs when the app quits", async () => {
    const { electron, startApp, Window } = await load();
    startApp({ rendererDir, preloadPath: '/p.cjs', openService: () => ({ call: vi.fn() }) as never, openKeychain });
    electron.app.fireReady();
    await tick();
    const event = ipcEvent(Window.instances[0]!.webContents, pathToFileURL(join(rendererDir, 'index.html')).href);
    const copySecret = electron.ipcMain.channels.get('qkms:copySecret')!;

    // Nothing pending: quitting goes ahead at once.
    const quitEvent = () => ({ preventDefault: vi.fn() });
    const idle = quitEvent();
    electron.app.emit('will-quit', idle);
    expect(idle.preventDefault).not.toHaveBeenCalled();

    await expect(copySecret(event, { Text: 'the shared secret' })).resolves.toMatchObject({
      ok: true,
      value: { Copied: true },
    });
    expect(electron.clipboard.text).toBe('the shared secret');
    // A clear is pending: quitting waits for it, then quits again.
    const first = quitEvent();
    electron.app.emit('will-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1));
    expect(electron.clipboard.text).toBe('');
    expect(electron.clipboard.clear).toHaveBeenCalledTimes(1);
    // The second will-quit goes through.
    const second = quitEvent();
    electron.app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it('quitting leaves alone what the user copied after the secret', async () => {
    const { electron, startApp, Window } = await load();
    startApp({ rendererDir, preloadPath: '/p.cjs', openService: () => ({ call: vi.fn() }) as never, openKeychain });
    electron.app.fireReady();
    await tick();
    const event = ipcEvent(Window.instances[0]!.webContents, pathToFileURL(join(rendererDir, 'index.html')).href);
    await electron.ipcMain.channels.get('qkms:copySecret')!(event, { Text: 'the shared secret' });
    electron.clipboard.text = 'copied in another app';
    const quit = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', quit);
    expect(quit.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1));
    expect(electron.clipboard.text).toBe('copied in another app');
    expect(electron.clipboard.clear).not.toHaveBeenCalled();
  });

  it('honours QKMS_DATA_DIR, and ignores the dev server URL when packaged', async () => {
    const { electron, startApp, Window } = await load();
    process.env.QKMS_DATA_DIR = '/data/qkms';
    electron.app.isPackaged = true;
    const openService = vi.fn(() => ({ call: vi.fn() }) as never);
    startApp({ rendererDir, preloadPath: '/p.cjs', devServerUrl: 'http://localhost:5173/', openService, openKeychain });
    electron.app.fireReady();
    await tick();
    expect(openService).toHaveBeenCalledWith(expect.objectContaining({ QKMS_DATA_DIR: '/data/qkms' }));
    expect(Window.instances[0]!.loadURL).toHaveBeenCalledWith(expect.stringMatching(/^file:/));
    expect((Window.instances[0]!.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
  });

  it('shows an error and exits when the service cannot be opened', async () => {
    const { electron, startApp, Window } = await load();
    startApp({
      rendererDir,
      preloadPath: '/p.cjs',
      openService: () => {
        throw new Error('QKMS_ACCOUNT_ID must be 12 digits');
      },
      openKeychain,
    });
    electron.app.fireReady();
    await tick();
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('QKMS Desktop', expect.stringMatching(/12 digits/));
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(Window.instances).toHaveLength(0);
  });

  it('keeps the endpoint off until asked, serves the same service, and stops it when the app quits', async () => {
    const { electron, startApp, Window } = await load();
    const call = vi.fn(async () => ({ ok: true, value: { Keys: [], Truncated: false } }));
    const keychain = memoryKeychain();
    startApp({
      rendererDir,
      preloadPath: '/p.cjs',
      openService: () => ({ call, accountId: '123456789012' }) as never,
      openKeychain: () => keychain,
    });
    electron.app.fireReady();
    await tick();
    const event = ipcEvent(Window.instances[0]!.webContents, pathToFileURL(join(rendererDir, 'index.html')).href);
    const invoke = (channel: string, payload?: unknown) => electron.ipcMain.channels.get(channel)!(event, payload);
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // the endpoint's log lines

    // Off by default; quitting with nothing to tidy goes ahead at once.
    expect(await invoke('qkms:getEndpointStatus')).toEqual({ ok: true, value: { Running: false } });
    const idle = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', idle);
    expect(idle.preventDefault).not.toHaveBeenCalled();

    const started = (await invoke('qkms:startEndpoint', { Port: 0 })) as { ok: true; value: { Port: number } };
    expect(started).toMatchObject({ ok: true, value: { Running: true, CredentialsSource: 'generated' } });
    // The generated pair is kept in the keychain the app opened.
    expect(keychain.items.has('endpoint-credentials')).toBe(true);
    const port = started.value.Port;
    // An unsigned request reaches the server (and is refused by it), so it listens.
    const unsigned = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST' });
    expect(unsigned.status).toBe(400);

    const quitting = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', quitting);
    expect(quitting.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1));
    await expect(fetch(`http://127.0.0.1:${port}/`, { method: 'POST' })).rejects.toThrow();
    expect(await invoke('qkms:getEndpointStatus')).toEqual({ ok: true, value: { Running: false } });
    // The second will-quit goes through.
    const second = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });
});
