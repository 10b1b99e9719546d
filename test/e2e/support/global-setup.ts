// Makes sure out/renderer is the build of the current sources: `npm test` builds first, but
// `npm run test:e2e` alone would otherwise test a stale bundle without saying so.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
export const RENDERER_DIR = path.join(root, 'out/renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export default function globalSetup(): void {
  const built = path.join(RENDERER_DIR, 'index.html');
  const sources = Math.max(newestMtime(path.join(root, 'src/renderer')), newestMtime(path.join(root, 'src/shared')));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  console.log('e2e: out/renderer is missing or older than src/renderer; running electron-vite build');
  execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
}
