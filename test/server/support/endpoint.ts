// A running endpoint for tests: a real service (real keychain, unique service name, temp data dir), the
// server on a free loopback port, an unmodified @aws-sdk/client-kms client pointed at it, and a raw
// signed-request helper (the same @smithy/signature-v4 signer the SDK uses) for what the SDK cannot send.
import { KMSClient, KMSServiceException } from '@aws-sdk/client-kms';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { createTempService, type TempService } from '../../support/temp-service';
import { generateCredentials, startServer, type RunningServer, type StartServerOptions } from '../../../src/server';
import type { EndpointCredentials } from '../../../src/server/sigv4-verify';

export interface TestEndpoint {
  temp: TempService;
  server: RunningServer;
  url: string;
  credentials: EndpointCredentials;
  /** Log lines the server wrote. */
  lines: string[];
  client(overrides?: Partial<ConstructorParameters<typeof KMSClient>[0]>): KMSClient;
  /** POST / with the given headers and body, signed unless `sign` is false. */
  raw(options: RawRequest): Promise<RawResponse>;
  stop(): Promise<void>;
}

export interface RawRequest {
  target?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  sign?: boolean;
  secret?: string;
  accessKeyId?: string;
  region?: string;
  /** Signing service name (default kms). */
  service?: string;
  signingDate?: Date;
  /** Whether the signer adds x-amz-content-sha256 (as the SDK does; default true). */
  applyChecksum?: boolean;
  /** Changes the request after it was signed (tampering tests). */
  mutate?: (sent: { headers: Record<string, string>; body: string | Buffer }) => void;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: { __type?: string; message?: string } & Record<string, unknown>;
}

export async function startTestEndpoint(label: string, extra: Partial<StartServerOptions> = {}): Promise<TestEndpoint> {
  const temp = createTempService(label);
  const credentials = generateCredentials();
  const lines: string[] = [];
  const server = await startServer({ service: temp.service, credentials, log: (line) => lines.push(line), ...extra });
  const url = `http://127.0.0.1:${server.port}`;
  const clients: KMSClient[] = [];

  return {
    temp,
    server,
    url,
    credentials,
    lines,
    client(overrides = {}) {
      const client = new KMSClient({ endpoint: url, region: 'eu-west-3', maxAttempts: 1, credentials, ...overrides });
      clients.push(client);
      return client;
    },
    async raw({
      target,
      body = '{}',
      headers = {},
      sign = true,
      secret,
      accessKeyId,
      region = 'us-west-2',
      service = 'kms',
      signingDate,
      applyChecksum = true,
      mutate,
    }) {
      const request = new HttpRequest({
        method: 'POST',
        protocol: 'http:',
        hostname: '127.0.0.1',
        port: server.port,
        path: '/',
        headers: {
          host: `127.0.0.1:${server.port}`,
          'content-type': 'application/x-amz-json-1.1',
          ...(target !== undefined && { 'x-amz-target': target }),
          ...headers,
        },
        body,
      });
      const signer = new SignatureV4({
        service,
        region,
        credentials: {
          accessKeyId: accessKeyId ?? credentials.accessKeyId,
          secretAccessKey: secret ?? credentials.secretAccessKey,
        },
        sha256: Sha256,
        applyChecksum,
      });
      const ready = sign ? await signer.sign(request, { signingDate }) : request;
      const sent = { headers: { ...ready.headers }, body: ready.body as string | Buffer };
      mutate?.(sent);
      delete sent.headers.host; // fetch sets it
      const response = await fetch(url, { method: 'POST', headers: sent.headers, body: sent.body });
      const text = await response.text();
      let json: RawResponse['json'];
      try {
        json = JSON.parse(text) as RawResponse['json'];
      } catch {
        json = {};
      }
      return { status: response.status, headers: response.headers, text, json };
    },
    async stop() {
      for (const client of clients) client.destroy();
      await server.close();
      temp.cleanup();
    },
  };
}

/** The SDK exception a request fails with; fails the test if the request succeeds or fails otherwise. */
export async function sdkError(promise: Promise<unknown>): Promise<KMSServiceException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KMSServiceException) return error;
    throw error;
  }
  throw new Error('the request succeeded but was expected to fail');
}
