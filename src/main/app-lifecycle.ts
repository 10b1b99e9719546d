// App lifecycle: one instance, one window, the session hardened before any page loads, and the IPC
// channels registered once when the app is ready.
import { join } from 'node:path';
import { app, BrowserWindow, clipboard, dialog, ipcMain, session, type WebContents } from 'electron';
import { createContentPolicy } from './content-policy';
import { CONTENT_SECURITY_POLICY, developmentCsp } from './csp';
import { createClipboardActions } from './ipc/clipboard';
import { createElectronDialogs } from './ipc/electron-dialogs';
import { createIpcHandlers } from './ipc/handlers';
import { registerIpcHandlers } from './ipc/registrar';
import { createSenderCheck } from './ipc/sender';
import type { KmsServicePort } from './ipc/service-port';
import { installMenu } from './menu';
import { hardenSession } from './session-security';
import { guardWebContents } from './web-contents-guard';
import { createMainWindow } from './window';

export const APP_NAME = 'QKMS Desktop';
/** How long quitting waits for the clipboard to be cleared of a copied secret. */
const QUIT_CLEAR_LIMIT_MS = 2000;

export interface StartOptions {
  rendererDir: string;
  preloadPath: string;
  /** electron-vite's dev server (ELECTRON_RENDERER_URL); only honoured when the app is not packaged. */
  devServerUrl?: string;
  openService(env: NodeJS.ProcessEnv): KmsServicePort;
}

export function startApp(options: StartOptions): void {
  // userData = <appData>/QKMS Desktop (~/.config/QKMS Desktop on Linux), which the CLI also uses.
  app.setName(APP_NAME);
  app.setPath('userData', join(app.getPath('appData'), APP_NAME));
  app.enableSandbox();

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const devServerUrl = app.isPackaged ? undefined : options.devServerUrl;
  const policy = createContentPolicy({ rendererDir: options.rendererDir, devServerUrl });
  let mainWindow: BrowserWindow | undefined;

  const isAppWebContents = (contents: WebContents): boolean =>
    mainWindow !== undefined && !mainWindow.isDestroyed() && mainWindow.webContents.id === contents.id;
  const showWindow = () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };
  const openWindow = () => {
    mainWindow = createMainWindow(policy, options.preloadPath);
    mainWindow.on('closed', () => (mainWindow = undefined));
  };

  app.on('second-instance', showWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, policy));
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => (mainWindow ? showWindow() : openWindow()));

  void app.whenReady().then(() => {
    hardenSession(
      session.defaultSession,
      policy,
      devServerUrl ? developmentCsp(devServerUrl) : CONTENT_SECURITY_POLICY,
    );
    installMenu(policy.isDevelopment);
    let service: KmsServicePort;
    try {
      service = options.openService({
        ...process.env,
        QKMS_DATA_DIR: process.env.QKMS_DATA_DIR || app.getPath('userData'),
      });
    } catch (error) {
      dialog.showErrorBox(APP_NAME, `QKMS could not start: ${error instanceof Error ? error.message : String(error)}`);
      app.exit(1);
      return;
    }
    const dialogs = createElectronDialogs(() => mainWindow);
    // Electron's clipboard is the port as it is (readText/writeText/clear on the system clipboard).
    const clipboardActions = createClipboardActions(clipboard);
    // A secret copied moments before quitting is not left behind: quitting waits (a little) for the
    // pending clear, once, then carries on.
    let clearedForQuit = false;
    app.on('will-quit', (event) => {
      if (clearedForQuit || !clipboardActions.hasPendingClear()) return;
      clearedForQuit = true;
      event.preventDefault();
      const limit = new Promise((resolve) => setTimeout(resolve, QUIT_CLEAR_LIMIT_MS));
      void Promise.race([clipboardActions.flush(), limit]).finally(() => app.quit());
    });
    registerIpcHandlers(
      ipcMain,
      createIpcHandlers(service, dialogs, clipboardActions),
      createSenderCheck(policy, isAppWebContents),
    );
    openWindow();
  });
}
