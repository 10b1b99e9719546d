// The application menu: the standard edit roles (copy/paste work in every field), reload and devtools
// only in development, and quit.
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function menuTemplate(options: {
  isDevelopment: boolean;
  platform: NodeJS.Platform;
}): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    ...(options.isDevelopment
      ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(isMac ? [{ label: 'QKMS Desktop', role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}

export function installMenu(isDevelopment: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isDevelopment, platform: process.platform })));
}
