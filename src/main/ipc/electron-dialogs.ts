// The DesktopDialogs of the real app: Electron's native open and save dialogs, attached to the window.
import { dialog, type BrowserWindow } from 'electron';
import type { DesktopDialogs } from './dialogs';

export function createElectronDialogs(getWindow: () => BrowserWindow | undefined): DesktopDialogs {
  return {
    async chooseFileToOpen({ title, filters }) {
      const window = getWindow();
      const options = { title, filters, properties: ['openFile' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? undefined : result.filePaths[0];
    },
    async chooseFileToSave({ title, defaultName, filters }) {
      const window = getWindow();
      const options = { title, defaultPath: defaultName, filters, properties: ['showOverwriteConfirmation' as const] };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? undefined : result.filePath;
    },
  };
}
