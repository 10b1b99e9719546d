// Where the Electron binary is, found without `require('electron')`: that require tries to download the
// binary when it is missing (a network request, and a hang or failure on an offline machine).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

export type ElectronBinary = { path: string; missing?: undefined } | { path?: undefined; missing: string };

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const packageDir = path.join(ROOT, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(packageDir)) return { missing: 'the electron package is not installed (npm install)' };
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override) {
    return {
      missing:
        'no Electron binary is installed (node_modules/electron/path.txt is missing; run `npm run electron:install` where downloads work)',
    };
  }
  const binary = override ? path.join(override, relative || 'electron') : path.join(packageDir, 'dist', relative!);
  if (!existsSync(binary)) return { missing: `no Electron binary at ${binary} (run \`npm run electron:install\`)` };
  return { path: binary };
}
