// App lifecycle: one instance, one window, the session hardened before any page loads, and the IPC
// channels registered once when the app is ready. Quitting first clears a copied secret from the
// clipboard and stops the loopback endpoint if it runs.
import { join } from 'node:path';
import { app, BrowserWindow, clipboard, dialog, ipcMain, session, type WebContents } from 'electron';
import { createContentPolicy } from './content-policy';
import { CONTENT_SECURITY_POLICY, developmentCsp } from './csp';
import type { KmsService } from '../core/service/kms-service';
import { resolveCredentials, startServer, type CredentialKeychain } from '../server';
import { createClipboardActions } from './ipc/clipboard';
import { createElectronDialogs } from './ipc/electron-dialogs';
import { createEndpointController } from './ipc/endpoint';
import { createIpcHandlers } from './ipc/handlers';
import { registerIpcHandlers } from './ipc/registrar';
import { createSenderCheck } from './ipc/sender';
import { installMenu } from './menu';
import { hardenSession } from './session-security';
import { guardWebContents } from './web-contents-guard';
import { createMainWindow } from './window';

export const APP_NAME = 'QKMS Desktop';
/** How long quitting waits for the clipboard to be cleared of a copied secret and the endpoint to stop. */
const QUIT_CLEAR_LIMIT_MS = 2000;

export interface StartOptions {
  rendererDir: string;
  preloadPath: string;
  /** electron-vite's dev server (ELECTRON_RENDERER_URL); only honoured when the app is not packaged. */
  devServerUrl?: string;
  openService(env: NodeJS.ProcessEnv): KmsService;
  /** The keychain the endpoint keeps its generated credential pair in (the one the keys live in). */
  openKeychain(env: NodeJS.ProcessEnv): CredentialKeychain;
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
    const env = { ...process.env, QKMS_DATA_DIR: process.env.QKMS_DATA_DIR || app.getPath('userData') };
    let service: KmsService;
    let keychain: CredentialKeychain;
    try {
      service = options.openService(env);
      keychain = options.openKeychain(env);
    } catch (error) {
      dialog.showErrorBox(APP_NAME, `QKMS could not start: ${error instanceof Error ? error.message : String(error)}`);
      app.exit(1);
      return;
    }
    const dialogs = createElectronDialogs(() => mainWindow);
    // Electron's clipboard is the port as it is (readText/writeText/clear on the system clipboard).
    const clipboardActions = createClipboardActions(clipboard);
    // Off until the user switches it on; over the same service as the IPC handlers. Request log lines go
    // to the main process's stderr.
    const endpoint = createEndpointController({ service, keychain, env, startServer, resolveCredentials });
    // A secret copied moments before quitting is not left behind, nor a listening endpoint: quitting
    // waits (a little) for the pending clear and the server's close, once, then carries on.
    let tidiedForQuit = false;
    app.on('will-quit', (event) => {
      if (tidiedForQuit) return;
      const tasks: Promise<void>[] = [];
      if (clipboardActions.hasPendingClear()) tasks.push(clipboardActions.flush());
      if (endpoint.isActive()) tasks.push(endpoint.shutdown());
      if (tasks.length === 0) return;
      tidiedForQuit = true;
      event.preventDefault();
      const limit = new Promise((resolve) => setTimeout(resolve, QUIT_CLEAR_LIMIT_MS));
      void Promise.race([Promise.allSettled(tasks), limit]).finally(() => app.quit());
    });
    registerIpcHandlers(
      ipcMain,
      createIpcHandlers(service, dialogs, clipboardActions, endpoint),
      createSenderCheck(policy, isAppWebContents),
    );
    openWindow();
  });
}
