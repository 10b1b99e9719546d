// A small stand-in for the `electron` module (no Electron binary exists here): just enough surface for
// the main-process glue, recording what the code under test asked for.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

export class FakeWebContents extends EventEmitter {
  // One counter for every copy of this module (a mock factory may load its own copy).
  readonly id = ((globalThis as { __qkmsNextWebContentsId?: number }).__qkmsNextWebContentsId =
    ((globalThis as { __qkmsNextWebContentsId?: number }).__qkmsNextWebContentsId ?? 0) + 1);
  windowOpenHandler?: (details: { url: string }) => { action: string };
  closeDevTools = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
}

export function createFakeSession() {
  const handlers: Record<string, Listener> = {};
  return {
    handlers,
    setPermissionRequestHandler: vi.fn((h: Listener) => void (handlers.permissionRequest = h)),
    setPermissionCheckHandler: vi.fn((h: Listener) => void (handlers.permissionCheck = h)),
    setDevicePermissionHandler: vi.fn((h: Listener) => void (handlers.devicePermission = h)),
    setDisplayMediaRequestHandler: vi.fn((h: Listener) => void (handlers.displayMedia = h)),
    webRequest: {
      onBeforeRequest: vi.fn((h: Listener) => void (handlers.beforeRequest = h)),
      onHeadersReceived: vi.fn((h: Listener) => void (handlers.headersReceived = h)),
    },
  };
}

export function createFakeIpcMain() {
  const channels = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  return {
    channels,
    handle: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => Promise<unknown>) => {
      if (channels.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      channels.set(channel, listener);
    }),
  };
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  singleInstance = true;
  readonly paths: Record<string, string> = { appData: '/tmp/qkms-fake-appdata' };
  readonly setName = vi.fn();
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly enableSandbox = vi.fn();
  private ready?: () => void;
  private readyPromise = new Promise<void>((resolve) => (this.ready = resolve));
  /** Back to a freshly started app (the mocked module is shared by the tests of a file). */
  reset(): void {
    this.removeAllListeners();
    this.isPackaged = false;
    this.singleInstance = true;
    for (const key of Object.keys(this.paths)) if (key !== 'appData') delete this.paths[key];
    this.readyPromise = new Promise<void>((resolve) => (this.ready = resolve));
  }
  setPath(name: string, value: string): void {
    this.paths[name] = value;
  }
  getPath(name: string): string {
    return this.paths[name] ?? `/tmp/qkms-fake-${name}`;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  fireReady(): void {
    this.ready?.();
  }
}

/** The system clipboard, in memory; readText and writeText return promises, as Electron's do. */
function createFakeClipboard() {
  const clipboard = {
    text: '',
    readText: vi.fn(async (): Promise<string> => clipboard.text),
    writeText: vi.fn(async (text: string) => void (clipboard.text = text)),
    clear: vi.fn(() => void (clipboard.text = '')),
  };
  return clipboard;
}

export function createElectronStub() {
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: createFakeIpcMain(),
    session: { defaultSession: createFakeSession() },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => ({ template })) },
    dialog: {
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
      showSaveDialog: vi.fn(async () => ({ canceled: true })),
      showErrorBox: vi.fn(),
    },
    clipboard: createFakeClipboard(),
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async (channel: string, payload: unknown) => ({ channel, payload })) },
  };
}

export type ElectronStub = ReturnType<typeof createElectronStub>;

/** Resets the shared stand-in between tests: app state, listeners, IPC channels, sessions and mocks. */
export function resetElectronStub(stub: ElectronStub): void {
  vi.clearAllMocks();
  stub.app.reset();
  stub.ipcMain.channels.clear();
  Object.assign(stub.session, { defaultSession: createFakeSession() });
  stub.BrowserWindow.instances.length = 0;
  stub.clipboard.text = '';
}

/** A minimal IPC event from a frame at `url`. */
export function ipcEvent(
  sender: FakeWebContents,
  url: string,
  options: { subframe?: boolean; nullFrame?: boolean } = {},
) {
  const frame = options.nullFrame ? null : { url, parent: options.subframe ? { url } : null };
  return { sender, senderFrame: frame };
}
