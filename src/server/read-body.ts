// Reads a request body with a size limit and a time limit, so neither a huge nor a slow body can hold
// memory or a concurrency slot. A declared Content-Length over the limit is refused before reading.
import type { IncomingMessage } from 'node:http';
import { EndpointError } from './wire';

export interface BodyLimits {
  maxBytes: number;
  timeoutMs: number;
}

/** The client went away mid-body: there is no one left to answer. */
export class ClientGone extends Error {}

export function readBody(req: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limits.maxBytes) {
    return Promise.reject(tooLarge(limits.maxBytes));
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error: Error | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (error) {
        // Stop reading: whatever else arrives is dropped (the response says Connection: close).
        req.pause();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limits.maxBytes) finish(tooLarge(limits.maxBytes));
      else chunks.push(chunk);
    };
    const onEnd = (): void => finish(undefined);
    const onError = (): void => finish(new ClientGone());
    const onClose = (): void => finish(new ClientGone());
    const timer = setTimeout(
      () =>
        finish(
          new EndpointError(
            'RequestTimeoutException',
            `The request body did not arrive within ${limits.timeoutMs / 1000} s`,
          ),
        ),
      limits.timeoutMs,
    );
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

function tooLarge(maxBytes: number): EndpointError {
  return new EndpointError(
    'RequestEntityTooLargeException',
    `The request body is larger than the endpoint accepts (${maxBytes} bytes)`,
  );
}
