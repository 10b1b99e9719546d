// What counts as the app's own content: the built renderer's files (file:// under the renderer
// directory), or in development the electron-vite dev server. Everything else is foreign.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve, sep } from 'node:path';

export interface ContentPolicy {
  /** The URL the window loads. */
  entryUrl: string;
  /** Development: the dev server, reload and devtools. */
  isDevelopment: boolean;
  /** True for the app's own pages and assets (and, in development, the dev server's HMR socket). */
  isOwnContent(url: string): boolean;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

export function createContentPolicy(options: { rendererDir: string; devServerUrl?: string }): ContentPolicy {
  const rendererDir = resolve(options.rendererDir);
  const dev = options.devServerUrl ? parse(options.devServerUrl) : undefined;
  if (options.devServerUrl && (!dev || !['http:', 'https:'].includes(dev.protocol))) {
    throw new Error(`The dev server URL must be an http(s) URL, got ${options.devServerUrl}`);
  }

  const isOwnFile = (url: URL): boolean => {
    if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) return false;
    try {
      const path = fileURLToPath(url);
      return path.startsWith(rendererDir + sep);
    } catch {
      return false;
    }
  };

  const isDevServer = (url: URL): boolean => {
    if (!dev) return false;
    if (url.origin === dev.origin) return true;
    // Vite's HMR socket: same host and port over ws(s).
    return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.host === dev.host;
  };

  return {
    entryUrl: dev ? dev.href : pathToFileURL(resolve(rendererDir, 'index.html')).href,
    isDevelopment: dev !== undefined,
    isOwnContent(url) {
      const parsed = parse(url);
      return parsed !== undefined && (dev ? isDevServer(parsed) : isOwnFile(parsed));
    },
  };
}
