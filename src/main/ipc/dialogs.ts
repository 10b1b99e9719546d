// The native dialogs the desktop actions need, behind an interface: the app passes Electron's dialogs,
// tests and the browser e2e pass a fake that returns a chosen path. Only paths cross this interface;
// the handlers read and write the files themselves.

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenFileRequest {
  purpose: 'importPrivateKey' | 'openPublicKey';
  title: string;
  filters: FileFilter[];
}

export interface SaveFileRequest {
  purpose: 'savePublicKey';
  title: string;
  /** A suggested file name, e.g. `1234abcd-public.pem`. */
  defaultName: string;
  filters: FileFilter[];
}

export interface DesktopDialogs {
  /** The chosen file's absolute path, or undefined when the user cancels. */
  chooseFileToOpen(request: OpenFileRequest): Promise<string | undefined>;
  /** The chosen destination's absolute path, or undefined when the user cancels. */
  chooseFileToSave(request: SaveFileRequest): Promise<string | undefined>;
}
