// The one app window, hardened: isolated, sandboxed, no Node in the page, web security on, devtools
// only in development.
import { BrowserWindow, type WebPreferences } from 'electron';
import type { ContentPolicy } from './content-policy';

export function windowWebPreferences(preloadPath: string, isDevelopment: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: isDevelopment,
  };
}

export function createMainWindow(policy: ContentPolicy, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    title: 'QKMS Desktop',
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    autoHideMenuBar: false,
    webPreferences: windowWebPreferences(preloadPath, policy.isDevelopment),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(policy.entryUrl);
  return window;
}
