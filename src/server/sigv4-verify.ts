// SigV4 verification (service `kms`, any region). The crypto is @smithy/signature-v4's — the signer the
// AWS SDK itself uses: the received request is rebuilt from exactly the headers it says it signed, signed
// again with the known secret at its own X-Amz-Date and region, and the two signatures are compared in
// constant time. Nothing is hand-rolled but the checks around it, which run in AWS's order: is there a
// signature, is it well-formed, is the key known, is it fresh, does it match.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { parseAuthorization, SIGV4_SERVICE } from './auth-header';
import { EndpointError } from './wire';

export interface EndpointCredentials {
  accessKeyId: string;
  /** Never log it. */
  secretAccessKey: string;
}

/** The request as the verifier needs it: lowercase header names, each with all its values. */
export interface SignedRequest {
  method: string;
  path: string;
  headers: Readonly<Record<string, readonly string[] | undefined>>;
  body: Buffer;
}

export interface SigV4Verifier {
  /** Resolves when the request is signed with the endpoint's credentials; throws EndpointError otherwise. */
  verify(request: SignedRequest): Promise<void>;
}

/** AWS's allowed clock skew between signer and server. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

const invalid = (message: string): EndpointError => new EndpointError('InvalidSignatureException', message);

/** 20240101T000000Z → Date, or undefined. */
function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return date.getUTCDate() === d && date.getUTCHours() === h ? date : undefined;
}

const amzDate = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function checkFreshness(signedAt: Date, raw: string, now: number): void {
  if (signedAt.getTime() < now - MAX_CLOCK_SKEW_MS) {
    throw invalid(
      `Signature expired: ${raw} is now earlier than ${amzDate(now - MAX_CLOCK_SKEW_MS)} (${amzDate(now)} - 5 min.)`,
    );
  }
  if (signedAt.getTime() > now + MAX_CLOCK_SKEW_MS) {
    throw invalid(
      `Signature not yet current: ${raw} is still later than ${amzDate(now + MAX_CLOCK_SKEW_MS)} (${amzDate(now)} + 5 min.)`,
    );
  }
}

function single(request: SignedRequest, name: string): string | undefined {
  const values = request.headers[name];
  if (values === undefined || values.length === 0) return undefined;
  if (values.length > 1)
    throw new EndpointError(
      'IncompleteSignatureException',
      `The request has ${values.length} '${name}' headers; send one.`,
    );
  return values[0];
}

/** x-amz-content-sha256, when sent, must be the body's real hash: the signer trusts it blindly. */
function checkPayloadHash(request: SignedRequest): void {
  const claimed = single(request, 'x-amz-content-sha256');
  if (claimed === undefined) return;
  if (claimed !== createHash('sha256').update(request.body).digest('hex')) {
    throw invalid(
      "The provided 'x-amz-content-sha256' header does not match the SHA-256 of the request body (an unsigned payload is refused).",
    );
  }
}

export function createSigV4Verifier(credentials: EndpointCredentials, now: () => number = Date.now): SigV4Verifier {
  const signer = new SignatureV4({
    service: SIGV4_SERVICE,
    region: 'us-east-1', // replaced per request by the region of the request's own credential scope
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    sha256: Sha256,
    applyChecksum: false, // do not add x-amz-content-sha256: only the headers the client signed count
  });

  return {
    async verify(request) {
      const authorization = single(request, 'authorization');
      if (authorization === undefined) {
        throw new EndpointError('MissingAuthenticationTokenException', 'Request is missing Authentication Token');
      }
      const auth = parseAuthorization(authorization);
      if (auth.service !== SIGV4_SERVICE)
        throw invalid(`Credential should be scoped to correct service: '${SIGV4_SERVICE}'.`);
      if (auth.accessKeyId !== credentials.accessKeyId || request.headers['x-amz-security-token'] !== undefined) {
        // Access key ids are not secret; the endpoint has one key and no session tokens.
        throw new EndpointError(
          'UnrecognizedClientException',
          'The security token included in the request is invalid.',
        );
      }
      const rawDate = single(request, 'x-amz-date');
      const signedAt = rawDate === undefined ? undefined : parseAmzDate(rawDate);
      if (rawDate === undefined || signedAt === undefined) {
        throw new EndpointError(
          'IncompleteSignatureException',
          "The request needs an 'X-Amz-Date' header in ISO 8601 basic format (yyyymmddThhmmssZ).",
        );
      }
      if (rawDate.slice(0, 8) !== auth.scopeDate) {
        throw invalid(
          `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.scopeDate}' != '${rawDate.slice(0, 8)}'.`,
        );
      }
      checkFreshness(signedAt, rawDate, now());
      checkPayloadHash(request);

      const headers: Record<string, string> = {};
      for (const name of auth.signedHeaders) {
        const values = request.headers[name];
        if (values === undefined) {
          throw new EndpointError(
            'IncompleteSignatureException',
            `SignedHeaders lists '${name}', but the request has no such header.`,
          );
        }
        headers[name] = values.join(',');
      }
      const rebuilt = new HttpRequest({
        method: request.method,
        protocol: 'http:',
        hostname: '127.0.0.1',
        path: request.path,
        headers,
        body: request.body,
      });
      const signed = await signer.sign(rebuilt, {
        signingDate: signedAt,
        signingRegion: auth.region,
        signableHeaders: new Set(auth.signedHeaders),
      });
      const expected = /Signature=([0-9a-f]{64})$/.exec(signed.headers.authorization ?? '')?.[1];
      if (
        expected === undefined ||
        !timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(auth.signature, 'hex'))
      ) {
        throw invalid(
          'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
        );
      }
    },
  };
}
