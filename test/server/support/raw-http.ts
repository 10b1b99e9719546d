// Raw TCP exchanges with the endpoint, for what no HTTP client will send: broken HTTP, wrong Host
// headers, slow clients. Loopback only; every exchange is bounded in time.
import { connect } from 'node:net';

export interface RawHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Writes `chunks` (waiting `gapMs` between them), then collects the reply until the socket closes or `timeoutMs`. */
export function exchange(
  port: number,
  chunks: (string | Buffer)[],
  options: { gapMs?: number; timeoutMs?: number } = {},
): Promise<string> {
  const { gapMs = 0, timeoutMs = 3_000 } = options;
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const received: Buffer[] = [];
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(received).toString('utf8'));
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (data) => received.push(data));
    socket.on('close', finish);
    socket.on('error', finish);
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (done || socket.destroyed) return;
        socket.write(chunk);
        if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
      }
    });
  });
}

/** The first HTTP response in `text`, or undefined when there is none. */
export function parseResponse(text: string): RawHttpResponse | undefined {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? '')?.[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  return {
    status,
    headers,
    body: Buffer.from(text.slice(end + 4))
      .subarray(0, length)
      .toString('utf8'),
  };
}
