// The JSON 1.1 wire of the endpoint: response headers, error bodies `{"__type","message"}` with the
// X-Amzn-Errortype header, and the HTTP status of each error type.
//
// Statuses: src/shared/http-status.ts.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { statusOf, type EndpointErrorType } from '../shared/http-status';

export { statusOf, type EndpointErrorType };

export const JSON_11 = 'application/x-amz-json-1.1';

/** An error the endpoint itself raises (protocol, auth, limits), before or instead of the service. */
export class EndpointError extends Error {
  constructor(
    readonly type: EndpointErrorType,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

function send(res: ServerResponse, status: number, body: string, extra: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'Content-Type': JSON_11,
    'Content-Length': Buffer.byteLength(body),
    'x-amzn-RequestId': randomUUID(),
    ...extra,
  });
  res.end(body);
}

export function sendResult(res: ServerResponse, value: unknown): void {
  send(res, 200, JSON.stringify(value));
}

/** `close`: ask the client to drop the connection (after a refused body, or under overload). */
export function sendError(res: ServerResponse, type: EndpointErrorType, message: string, close = false): number {
  const status = statusOf(type);
  send(res, status, JSON.stringify({ __type: type, message }), {
    'X-Amzn-Errortype': type,
    ...(close && { Connection: 'close' }),
  });
  return status;
}

/** A complete raw HTTP error response, for sockets the HTTP parser gave up on (clientError). */
export function rawErrorResponse(status: number, reason: string, type: EndpointErrorType, message: string): string {
  const body = JSON.stringify({ __type: type, message });
  return (
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${JSON_11}\r\nX-Amzn-Errortype: ${type}\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}
