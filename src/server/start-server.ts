// The endpoint's HTTP server: bound to 127.0.0.1 only, with time limits on headers, bodies and whole
// requests, bounded connections and bounded concurrent requests (overload answers ThrottlingException
// at once instead of queueing), and a JSON error even for requests the HTTP parser rejects.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { KmsService } from '../core/service/kms-service';
import { handleRequest, type RequestContext } from './handle-request';
import { formatLogLine } from './request-log';
import { createSigV4Verifier, type EndpointCredentials } from './sigv4-verify';
import { rawErrorResponse, sendError } from './wire';

export const LOOPBACK_HOST = '127.0.0.1';

export interface EndpointLimits {
  /** Largest accepted body (default 64 KiB: the largest valid request is a few KiB). */
  maxBodyBytes: number;
  /** Time for the whole body to arrive once the headers are in (default 10 s). */
  bodyTimeoutMs: number;
  /** Time for the request headers to arrive (default 10 s). */
  headersTimeoutMs: number;
  /** Requests served at once; more are refused with ThrottlingException (default 32). */
  maxConcurrentRequests: number;
  /** Open connections at most (default 128). */
  maxConnections: number;
}

export const DEFAULT_LIMITS: EndpointLimits = {
  maxBodyBytes: 64 * 1024,
  bodyTimeoutMs: 10_000,
  headersTimeoutMs: 10_000,
  maxConcurrentRequests: 32,
  maxConnections: 128,
};

export interface StartServerOptions {
  service: KmsService;
  /** Default 0: a free port, reported in the result. */
  port?: number;
  /** Must be 127.0.0.1 (the default); any other address is refused. */
  host?: string;
  credentials: EndpointCredentials;
  /** One line per request; default console.error. */
  log?: (line: string) => void;
  limits?: Partial<EndpointLimits>;
  /** Clock of the signature freshness check (tests). */
  now?: () => number;
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

function checkHost(host: string): void {
  if (host !== LOOPBACK_HOST) {
    throw new Error(
      `The QKMS endpoint binds to ${LOOPBACK_HOST} only; refusing host '${host}'. It serves this machine's keys and must not be reachable from any other machine.`,
    );
  }
}

/** Answers what the HTTP parser could not parse, as a JSON error, then drops the socket. */
function onClientError(error: Error & { code?: string }, socket: Socket): void {
  if (socket.writable && !socket.writableEnded) {
    const response =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? rawErrorResponse(
            431,
            'Request Header Fields Too Large',
            'SerializationException',
            'The request headers are too large',
          )
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? rawErrorResponse(408, 'Request Timeout', 'RequestTimeoutException', 'The request did not arrive in time')
          : rawErrorResponse(400, 'Bad Request', 'SerializationException', 'The request is not valid HTTP/1.1');
    socket.end(response);
  }
  socket.destroy();
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? LOOPBACK_HOST;
  checkHost(host);
  const limits: EndpointLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? ((line: string) => console.error(line));
  let inFlight = 0;
  let boundPort = 0;
  const ctx: RequestContext = {
    service: options.service,
    verifier: createSigV4Verifier(options.credentials, options.now),
    limits: { maxBytes: limits.maxBodyBytes, timeoutMs: limits.bodyTimeoutMs },
    port: () => boundPort,
    log,
  };

  // connectionsCheckingInterval: how often headersTimeout/requestTimeout are enforced (Node's default is 30 s).
  const serverOptions = { maxHeaderSize: 16 * 1024, requireHostHeader: true, connectionsCheckingInterval: 1_000 };
  const server = createServer(serverOptions, (req: IncomingMessage, res: ServerResponse) => {
    if (inFlight >= limits.maxConcurrentRequests) {
      const status = sendError(
        res,
        'ThrottlingException',
        'Too many requests are being served at once; retry shortly',
        true,
      );
      log(formatLogLine({ operation: '-', status, errorType: 'ThrottlingException', durationMs: 0 }));
      return;
    }
    inFlight++;
    void handleRequest(req, res, ctx).finally(() => inFlight--);
  });
  server.headersTimeout = limits.headersTimeoutMs;
  // The body timer answers first with a JSON error; this is the backstop for everything else.
  server.requestTimeout = limits.headersTimeoutMs + limits.bodyTimeoutMs + 30_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;
  server.maxConnections = limits.maxConnections;
  server.on('clientError', onClientError);

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error & { code?: string }): void => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${options.port} on ${host} is already in use; choose another with --port (0 picks a free one)`,
            )
          : error,
      );
    };
    server.once('error', onError);
    server.listen({ port: options.port ?? 0, host, exclusive: true }, () => {
      server.off('error', onError);
      resolve();
    });
  });
  // A later server error (not expected once listening) is logged, never an uncaught exception.
  server.on('error', (error: Error) => log(`qkms-endpoint: server error ${error.name}`));
  const address = server.address();
  boundPort = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    port: boundPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections would hold close() open; busy ones finish their request first.
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5_000).unref();
      }),
  };
}
