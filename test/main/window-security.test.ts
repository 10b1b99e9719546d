// The hardened window, its web-contents guards, the session's permission/request/CSP hardening and the
// menu, against the electron stand-in.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as electronModule from 'electron';
import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createContentPolicy } from '../../src/main/content-policy';
import { CONTENT_SECURITY_POLICY, developmentCsp, withCsp } from '../../src/main/csp';
import { menuTemplate } from '../../src/main/menu';
import { hardenSession, isAllowedRequest } from '../../src/main/session-security';
import { guardWebContents } from '../../src/main/web-contents-guard';
import { createMainWindow, windowWebPreferences } from '../../src/main/window';
import { createFakeSession, FakeBrowserWindow, FakeWebContents, type ElectronStub } from './electron-stub';

vi.mock('electron', async () => (await import('./electron-stub')).createElectronStub());
const electron = electronModule as unknown as ElectronStub;

const rendererDir = mkdtempSync(join(tmpdir(), 'qkms-renderer-'));
const fileUrl = (path: string) => pathToFileURL(path).href;
const prod = createContentPolicy({ rendererDir });
const dev = createContentPolicy({ rendererDir, devServerUrl: 'http://localhost:5173/' });

describe('the main window', () => {
  beforeEach(() => void (FakeBrowserWindow.instances.length = 0));

  it('is isolated, sandboxed, without Node, with web security, the preload, and no devtools in production', () => {
    const window = createMainWindow(prod, '/app/out/preload/index.cjs') as unknown as FakeBrowserWindow;
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(window.loadURL).toHaveBeenCalledWith(fileUrl(join(rendererDir, 'index.html')));
    expect(window.options.show).toBe(false);
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('allows devtools and loads the dev server only in development', () => {
    expect(windowWebPreferences('/p.cjs', true).devTools).toBe(true);
    const window = createMainWindow(dev, '/p.cjs') as unknown as FakeBrowserWindow;
    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });
});

describe('the web-contents guard', () => {
  const guarded = (policy = prod) => {
    const contents = new FakeWebContents();
    guardWebContents(contents as unknown as WebContents, policy);
    return contents;
  };
  const preventable = () => ({ preventDefault: vi.fn() });

  it('prevents every navigation and redirect, even to the app itself', () => {
    const contents = guarded();
    for (const url of ['https://example.com/', fileUrl(join(rendererDir, 'index.html')), 'file:///etc/passwd']) {
      const event = preventable();
      contents.emit('will-navigate', event, url);
      expect(event.preventDefault).toHaveBeenCalled();
      const redirect = preventable();
      contents.emit('will-redirect', redirect, url);
      expect(redirect.preventDefault).toHaveBeenCalled();
    }
  });

  it('denies window.open and <webview>', () => {
    const contents = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: fileUrl(join(rendererDir, 'index.html')) })).toEqual({ action: 'deny' });
    const event = preventable();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('closes devtools outside development', () => {
    const contents = guarded(prod);
    contents.emit('devtools-opened');
    expect(contents.closeDevTools).toHaveBeenCalled();
    const devContents = guarded(dev);
    devContents.emit('devtools-opened');
    expect(devContents.closeDevTools).not.toHaveBeenCalled();
  });
});

describe('the session', () => {
  const hardened = (policy = prod, csp = CONTENT_SECURITY_POLICY) => {
    const session = createFakeSession();
    hardenSession(session as unknown as Session, policy, csp);
    return session;
  };

  it('denies every permission request, check and device permission', () => {
    const { handlers } = hardened();
    const ownPage = { requestingUrl: fileUrl(join(rendererDir, 'index.html')), isMainFrame: true };
    const permissions = [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'hid',
      'usb',
      'unknown',
    ];
    for (const permission of permissions) {
      const callback = vi.fn();
      handlers.permissionRequest!({} as never, permission as never, callback as never, ownPage as never);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(
        handlers.permissionCheck!(null as never, permission as never, 'file:///' as never, ownPage as never),
        permission,
      ).toBe(false);
    }
    expect(handlers.devicePermission!({} as never)).toBe(false);
    const displayMedia = vi.fn();
    handlers.displayMedia!({} as never, displayMedia as never);
    expect(displayMedia).toHaveBeenCalledWith({});
  });

  it("denies the clipboard too, even to the app's own page in its main frame: copying goes through the main process", () => {
    const { handlers } = hardened();
    const page = fileUrl(join(rendererDir, 'index.html'));
    const permissions = ['clipboard-sanitized-write', 'clipboard-read', 'clipboard-write'];
    for (const permission of permissions) {
      for (const details of [
        { requestingUrl: page, isMainFrame: true },
        { requestingUrl: page, isMainFrame: false },
        { requestingUrl: 'https://example.com/', isMainFrame: true },
      ]) {
        const callback = vi.fn();
        handlers.permissionRequest!({} as never, permission as never, callback as never, details as never);
        expect(callback, permission).toHaveBeenCalledWith(false);
        expect(
          handlers.permissionCheck!(null as never, permission as never, 'file://' as never, details as never),
          permission,
        ).toBe(false);
      }
    }
  });

  const decide = (handlers: Record<string, (...args: never[]) => unknown>, url: string): boolean => {
    const callback = vi.fn();
    handlers.beforeRequest!({ url } as never, callback as never);
    return (callback.mock.calls[0]![0] as { cancel: boolean }).cancel;
  };

  it("cancels every request that is not the app's own file, and allows the app's files", () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { handlers } = hardened();
    const own = [
      join(rendererDir, 'index.html'),
      join(rendererDir, 'assets', 'index-abc.js'),
      join(rendererDir, 'assets', 'x.css'),
    ];
    for (const path of own) expect(decide(handlers, fileUrl(path))).toBe(false);
    expect(decide(handlers, 'data:image/png;base64,AAAA')).toBe(false);
    const foreign = [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'http://localhost:5173/',
      'ws://localhost:5173/',
      'wss://example.com/socket',
      'ftp://example.com/x',
      'file:///etc/passwd',
      fileUrl(`${rendererDir}-evil/index.html`),
      `${fileUrl(rendererDir)}/../../etc/passwd`,
      'file://remote-host/share/index.html',
      'devtools://devtools/bundled/inspector.html',
      'chrome-extension://abc/x.js',
      'blob:null/1234',
    ];
    for (const url of foreign) expect(decide(handlers, url), url).toBe(true);
  });

  it('in development allows only the dev server (and its HMR socket) and devtools', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { handlers } = hardened(dev, developmentCsp('http://localhost:5173/'));
    for (const url of [
      'http://localhost:5173/',
      'http://localhost:5173/src/main.tsx',
      'ws://localhost:5173/',
      'devtools://devtools/x',
    ]) {
      expect(decide(handlers, url), url).toBe(false);
    }
    for (const url of [
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'https://example.com/',
      fileUrl(join(rendererDir, 'index.html')),
    ]) {
      expect(decide(handlers, url), url).toBe(true);
    }
    expect(isAllowedRequest('devtools://devtools/x', prod)).toBe(false);
  });

  it('sets the strict CSP header on every response, replacing any other', () => {
    const { handlers } = hardened();
    const callback = vi.fn();
    handlers.headersReceived!(
      {
        url: 'file:///x',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      } as never,
      callback as never,
    );
    const headers = (callback.mock.calls[0]![0] as { responseHeaders: Record<string, string[]> }).responseHeaders;
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(withCsp(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)|https?:|\*/);
  });
});

describe('the menu', () => {
  const roles = (template: ReturnType<typeof menuTemplate>): string[] =>
    template.flatMap((item) => [
      item.role ?? '',
      ...(Array.isArray(item.submenu) ? item.submenu.map((sub) => sub.role ?? '') : []),
    ]);

  it('has edit roles and quit, and reload/devtools only in development', () => {
    const production = roles(menuTemplate({ isDevelopment: false, platform: 'linux' }));
    expect(production).toEqual(expect.arrayContaining(['editMenu', 'quit']));
    expect(production).not.toEqual(expect.arrayContaining(['reload']));
    expect(production.filter((r) => /reload|devtools/i.test(r))).toEqual([]);
    const development = roles(menuTemplate({ isDevelopment: true, platform: 'linux' }));
    expect(development).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
    expect(roles(menuTemplate({ isDevelopment: false, platform: 'darwin' }))).toEqual(
      expect.arrayContaining(['appMenu', 'editMenu']),
    );
  });

  it('is installed through Menu.setApplicationMenu', async () => {
    const { installMenu } = await import('../../src/main/menu');
    installMenu(false);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  });
});
