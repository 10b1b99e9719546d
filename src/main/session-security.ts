// Hardens the window's session: every permission denied (one exception below), every request that is
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

/**
 * The one permission granted: clipboard *write* (navigator.clipboard.writeText, which Electron gates as
 * `clipboard-sanitized-write`) for the app's own page, main frame only. Without it the Copy buttons fail
 * and, worse, the renderer cannot clear a copied secret from the clipboard after 30 s. Clipboard *read*
 * stays denied; the renderer then overwrites rather than leave a secret behind.
 */
export function isGrantedPermission(permission: string, details: { requestingUrl?: string; isMainFrame: boolean }, policy: ContentPolicy): boolean {
  return permission === 'clipboard-sanitized-write' && details.isMainFrame && policy.isOwnContent(details.requestingUrl ?? '');
}

export function hardenSession(session: Session, policy: ContentPolicy, csp: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(isGrantedPermission(permission, details, policy)));
  session.setPermissionCheckHandler((_contents, permission, _origin, details) => isGrantedPermission(permission, details, policy));
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
