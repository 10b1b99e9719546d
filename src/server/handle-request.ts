// One request, start to finish: loopback and Host checks, POST /, bounded body, SigV4 verification,
// X-Amz-Target, Content-Type, JSON, then the core service, then the JSON 1.1 response and one log line.
// Everything before the service call is checked without touching a key; nothing here ever throws out.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isOperationName, type OperationName } from '../shared/operations';
import type { KmsService } from '../core/service/kms-service';
import { ClientGone, readBody, type BodyLimits } from './read-body';
import { formatLogLine, keyIdForLog } from './request-log';
import type { SigV4Verifier } from './sigv4-verify';
import { EndpointError, JSON_11, sendError, sendResult, type EndpointErrorType } from './wire';

export const TARGET_PREFIX = 'TrentService.';

export interface RequestContext {
  service: KmsService;
  verifier: SigV4Verifier;
  limits: BodyLimits;
  /** The port the server listens on, for the Host check. */
  port: () => number;
  log: (line: string) => void;
}

interface Outcome {
  operation: string;
  keyId?: string;
  status: number;
  errorType?: string;
}

/** Only this machine, and only under this endpoint's own name (a DNS-rebinding page has another Host). */
function checkOrigin(req: IncomingMessage, port: number): void {
  const remote = req.socket.remoteAddress ?? '';
  if (!/^(::ffff:)?127\./.test(remote))
    throw new EndpointError('AccessDeniedException', 'The endpoint serves loopback clients only');
  const host = (req.headers.host ?? '').toLowerCase();
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    throw new EndpointError(
      'AccessDeniedException',
      `The Host header must be 127.0.0.1:${port} (the endpoint URL is http://127.0.0.1:${port})`,
    );
  }
}

function operationOf(req: IncomingMessage): OperationName {
  const target = req.headersDistinct['x-amz-target'];
  if (target === undefined || target.length !== 1) {
    throw new EndpointError(
      'UnknownOperationException',
      `The request needs one X-Amz-Target header: ${TARGET_PREFIX}<Operation>`,
    );
  }
  const value = target[0]!;
  const name = value.startsWith(TARGET_PREFIX) ? value.slice(TARGET_PREFIX.length) : undefined;
  if (!isOperationName(name))
    throw new EndpointError(
      'UnknownOperationException',
      `X-Amz-Target names no ${TARGET_PREFIX.slice(0, -1)} operation`,
    );
  return name;
}

function parseJsonBody(req: IncomingMessage, body: Buffer): Record<string, unknown> {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType !== JSON_11) throw new EndpointError('SerializationException', `Content-Type must be ${JSON_11}`);
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    // fatal: invalid UTF-8 is a malformed body, not text with replacement characters.
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body));
  } catch {
    throw new EndpointError('SerializationException', 'The request body is not valid JSON in UTF-8');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new EndpointError('SerializationException', 'The request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

async function serve(req: IncomingMessage, res: ServerResponse, ctx: RequestContext, outcome: Outcome): Promise<void> {
  checkOrigin(req, ctx.port());
  if (req.method !== 'POST' || req.url !== '/') {
    throw new EndpointError(
      'UnknownOperationException',
      'The endpoint serves POST / only (JSON 1.1, with X-Amz-Target)',
    );
  }
  const body = await readBody(req, ctx.limits);
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string' && isOperationName(target.slice(TARGET_PREFIX.length)))
    outcome.operation = target.slice(TARGET_PREFIX.length);
  await ctx.verifier.verify({ method: req.method, path: req.url, headers: req.headersDistinct, body });
  const operation = operationOf(req);
  const request = parseJsonBody(req, body);
  outcome.keyId = keyIdForLog(request, undefined);
  const result = await ctx.service.call(operation, request);
  if (result.ok) {
    outcome.keyId ??= keyIdForLog(undefined, result.value);
    sendResult(res, result.value);
    outcome.status = 200;
  } else {
    outcome.errorType = result.error.__type;
    outcome.status = sendError(res, result.error.__type, result.error.message);
  }
}

/** Handles one request; resolves when it is answered (or the client is gone). Never rejects. */
export async function handleRequest(req: IncomingMessage, res: ServerResponse, ctx: RequestContext): Promise<void> {
  const started = performance.now();
  const outcome: Outcome = { operation: '-', status: 0 };
  try {
    await serve(req, res, ctx, outcome);
  } catch (error) {
    if (error instanceof ClientGone) {
      outcome.errorType = 'ClientClosedRequest';
    } else {
      let type: EndpointErrorType = 'KMSInternalException';
      let message: string;
      if (error instanceof EndpointError) {
        type = error.type;
        message = error.message;
      } else {
        // Never echo an unexpected error's text: it could quote request bytes.
        const reference = randomUUID();
        message = `An internal error occurred (reference ${reference})`;
        ctx.log(
          `qkms-endpoint: KMSInternalException ref=${reference} kind=${error instanceof Error ? error.name : typeof error}`,
        );
      }
      // After a refused or unread body, the connection cannot be reused.
      const close = !req.complete;
      outcome.errorType = type;
      outcome.status = sendError(res, type, message, close);
    }
  }
  ctx.log(formatLogLine({ ...outcome, durationMs: performance.now() - started }));
}
