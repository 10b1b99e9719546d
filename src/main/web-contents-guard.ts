// Guards every web contents the app creates: no navigation away from the page, no new windows, no
// <webview>, and no devtools outside development.
import type { WebContents } from 'electron';
import type { ContentPolicy } from './content-policy';

export function guardWebContents(contents: WebContents, policy: ContentPolicy): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (!policy.isDevelopment) {
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}
