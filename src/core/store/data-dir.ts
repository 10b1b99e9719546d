// Where the app and the CLI keep the index by default: the Electron app's userData folder, computed here
// without importing electron so the CLI finds the same keys. Electron's userData is
// `<appData>/<app name>`; the main process sets the app name to QKMS_APP_NAME so both agree.
import os from 'node:os';
import path from 'node:path';

/** The Electron app name (`app.setName(QKMS_APP_NAME)` in the main process); the userData folder's name. */
export const QKMS_APP_NAME = 'QKMS Desktop';

/** QKMS_DATA_DIR if set, else Electron's userData path for QKMS_APP_NAME on this platform. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.QKMS_DATA_DIR) return path.resolve(env.QKMS_DATA_DIR);
  const paths = platform === 'win32' ? path.win32 : path.posix;
  return paths.join(electronAppDataDir(env, platform, home), QKMS_APP_NAME);
}

/** Electron's `app.getPath('appData')`. */
function electronAppDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support');
  if (platform === 'win32') return env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
  return env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
}
