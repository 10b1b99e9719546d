// The Content-Security-Policy of the app's pages. The renderer's index.html carries the same policy in a
// meta tag; the main process also sets it as a response header (both apply; the stricter wins).

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Development only: Vite's dev server injects an inline React-refresh preamble and talks over a socket. */
export function developmentCsp(devServerUrl: string): string {
  const socket = new URL(devServerUrl);
  socket.protocol = socket.protocol === 'https:' ? 'wss:' : 'ws:';
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'none'", `connect-src 'self' ${socket.origin}`);
}

/** The response headers with every existing CSP header replaced by `policy`. */
export function withCsp(headers: Record<string, string[]> | undefined, policy: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}
