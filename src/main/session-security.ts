// Hardens the window's session: every permission denied, every request that is
// not the app's own content cancelled (the app makes no network request at all), and the CSP set on
// every response.
import type { Session } from 'electron';
import type { ContentPolicy } from './content-policy';
import { withCsp } from './csp';

/** Requests the app lets through: its own content, inline data: images, and devtools in development. */
export function isAllowedRequest(url: string, policy: ContentPolicy): boolean {
  if (policy.isOwnContent(url)) return true;
  if (url.startsWith('data:')) return true;
  return policy.isDevelopment && (url.startsWith('devtools://') || url.startsWith('chrome-extension://'));
}

export function hardenSession(session: Session, policy: ContentPolicy, csp: string): void {
  // No permission is granted, the clipboard's included: copying goes through the main process (the
  // copySecret and copyText actions), which can read the clipboard back and so clears a copied secret
  // only while it is still there. A renderer that may write the clipboard but not read it could only
  // clear blindly, wiping whatever the user copied since.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));

  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, policy);
    if (!allowed) console.warn(`[qkms] blocked a request the app did not make itself: ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
}
