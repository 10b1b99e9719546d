// Abuse of the endpoint: malformed bodies, headers, targets, methods, broken HTTP, huge and slow requests,
// overload. Every answer is a well-formed JSON 1.1 error (`{"__type","message"}`, X-Amzn-Errortype equal
// to __type, a 4xx/5xx status) and the server keeps serving. Loops are bounded; loopback only.
import { ListKeysCommand } from '@aws-sdk/client-kms';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/shared/errors';
import { OPERATION_NAMES } from '../../src/shared/operations';
import { startTestEndpoint, type TestEndpoint } from './support/endpoint';
import { exchange, parseResponse } from './support/raw-http';

const KNOWN_TYPES: string[] = [...ERROR_CODES, 'RequestTimeoutException'];

let e: TestEndpoint;
beforeAll(async () => {
  e = await startTestEndpoint('fuzz', {
    limits: { bodyTimeoutMs: 500, headersTimeoutMs: 1_000, maxConcurrentRequests: 3 },
  });
});
afterAll(() => e.stop());

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function expectWellFormedError(
  status: number,
  header: (name: string) => string | null | undefined,
  body: string,
  type?: string,
): void {
  expect(status).toBeGreaterThanOrEqual(400);
  expect(header('content-type')).toBe('application/x-amz-json-1.1');
  const json = JSON.parse(body) as Record<string, unknown>;
  expect(Object.keys(json).sort()).toEqual(['__type', 'message']);
  expect(KNOWN_TYPES).toContain(json.__type);
  expect(typeof json.message).toBe('string');
  expect(header('x-amzn-errortype')).toBe(json.__type);
  if (type) expect(json.__type).toBe(type);
}

async function stillServing(): Promise<void> {
  expect((await e.client().send(new ListKeysCommand({}))).$metadata.httpStatusCode).toBe(200);
}

const requestHead = (port: number, extra = '', contentLength = 2): string =>
  `POST / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: TrentService.ListKeys\r\n` +
  `Content-Length: ${contentLength}\r\nConnection: close\r\n${extra}\r\n`;

describe('malformed bodies (signed)', () => {
  const bodies: [string, string | Buffer][] = [
    ['truncated JSON', '{"Limit": 1'],
    ['an array', '[]'],
    ['null', 'null'],
    ['a number', '123'],
    ['a string', '"ListKeys"'],
    ['deep nesting', '['.repeat(200_00) + ']'.repeat(200_00)],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
    ['random bytes', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256))],
    ['NUL bytes', Buffer.alloc(64)],
    ['a BOM before JSON', '\ufeff{}'],
  ];
  it.each(bodies)('%s → SerializationException', async (_, body) => {
    const response = await e.raw({ target: 'TrentService.ListKeys', body });
    expectWellFormedError(response.status, (n) => response.headers.get(n), response.text, 'SerializationException');
  });

  it('wrongly typed fields → ValidationException; __proto__ and constructor keys are just unknown parameters', async () => {
    for (const body of [
      '{"Limit":"ten"}',
      '{"Limit":1e400}',
      '{"__proto__":{"Limit":1}}',
      '{"constructor":{"prototype":{}}}',
      '{"Marker":{}}',
    ]) {
      const response = await e.raw({ target: 'TrentService.ListKeys', body });
      expectWellFormedError(response.status, (n) => response.headers.get(n), response.text, 'ValidationException');
    }
  });

  it('random JSON objects for every operation: a response or a well-formed error, never a 500', async () => {
    const random = prng(20261203);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const fields = [
      'KeyId',
      'KeySpec',
      'KeyUsage',
      'Limit',
      'Marker',
      'PublicKey',
      'Tags',
      'TagKeys',
      'AliasName',
      'TargetKeyId',
      'DryRun',
      'Origin',
      'PendingWindowInDays',
      'ImportToken',
      'EncryptedKeyMaterial',
      'WrappingAlgorithm',
      'WrappingKeySpec',
      'RecipientInfo',
      'Recipient',
      '__proto__',
      'x',
    ];
    const value = (depth: number): unknown => {
      const kind = pick([
        'string',
        'uuid',
        'base64',
        'number',
        'big',
        'bool',
        'null',
        'array',
        'object',
        'alias',
        'spec',
      ]);
      if (kind === 'string') return 'x'.repeat(Math.floor(random() * 40));
      if (kind === 'uuid') return '00000000-0000-4000-8000-' + String(Math.floor(random() * 1e12)).padStart(12, '0');
      if (kind === 'base64') return Buffer.from(String(random())).toString('base64');
      if (kind === 'number') return Math.floor(random() * 2000) - 500;
      if (kind === 'big') return pick([1e308, -0, 2 ** 53 + 1, 0.5]);
      if (kind === 'bool') return random() < 0.5;
      if (kind === 'null') return null;
      if (kind === 'alias') return pick(['alias/x', 'alias/', 'arn:verenc:123456789012:alias/x', 'arn:verenc:1:key/y']);
      if (kind === 'spec')
        return pick([
          'ECC_NIST_P256',
          'ECC_SECG_P256K1',
          'RSA_2048',
          'RSAES_OAEP_SHA_256',
          'KEY_AGREEMENT',
          'EXTERNAL',
        ]);
      if (depth > 2) return 1;
      if (kind === 'array') return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return object(depth + 1);
    };
    const object = (depth: number): Record<string, unknown> =>
      Object.fromEntries(Array.from({ length: Math.floor(random() * 5) }, () => [pick(fields), value(depth)]));
    for (const operation of OPERATION_NAMES) {
      for (let i = 0; i < 6; i++) {
        const response = await e.raw({ target: `TrentService.${operation}`, body: JSON.stringify(object(0)) });
        expect(response.status, `${operation}: ${response.text}`).not.toBe(500);
        if (response.status === 200) expect(typeof response.json).toBe('object');
        else expectWellFormedError(response.status, (n) => response.headers.get(n), response.text);
      }
    }
    await stillServing();
  });
});

describe('malformed headers, targets and methods', () => {
  it.each([
    '',
    'TrentService.',
    'TrentService',
    'TrentService.__proto__',
    'TrentService.constructor',
    'TrentService.hasOwnProperty',
    'KMS.ListKeys',
    'trentservice.ListKeys',
    'TrentService.listKeys',
    'TrentService.ListKeys.Extra',
  ])('target %j → UnknownOperationException', async (target) => {
    const response = await e.raw({ target });
    expectWellFormedError(response.status, (n) => response.headers.get(n), response.text, 'UnknownOperationException');
  });

  it('no target → UnknownOperationException', async () => {
    const response = await e.raw({});
    expectWellFormedError(response.status, (n) => response.headers.get(n), response.text, 'UnknownOperationException');
  });

  it.each(['text/plain', 'application/json', 'application/x-amz-json-1.0', ''])(
    'Content-Type %j → SerializationException',
    async (type) => {
      const response = await e.raw({ target: 'TrentService.ListKeys', headers: { 'content-type': type } });
      expectWellFormedError(response.status, (n) => response.headers.get(n), response.text, 'SerializationException');
    },
  );

  it('Content-Type with a charset parameter is fine', async () => {
    expect(
      (
        await e.raw({
          target: 'TrentService.ListKeys',
          headers: { 'content-type': 'application/x-amz-json-1.1; charset=utf-8' },
        })
      ).status,
    ).toBe(200);
  });

  it.each([
    ['GET', '/'],
    ['PUT', '/'],
    ['DELETE', '/'],
    ['POST', '/kms'],
    ['POST', '/?Action=ListKeys'],
    ['OPTIONS', '/'],
  ])('%s %s → UnknownOperationException', async (method, path) => {
    const response = await fetch(`${e.url}${path}`, { method, headers: { 'x-amz-target': 'TrentService.ListKeys' } });
    expectWellFormedError(
      response.status,
      (n) => response.headers.get(n),
      await response.text(),
      'UnknownOperationException',
    );
  });

  it.each(['evil.example:80', `127.0.0.1:${1}`, 'localhost', '[::1]:1'])(
    'Host %j → AccessDeniedException (DNS rebinding)',
    async (host) => {
      const reply = parseResponse(
        await exchange(e.server.port, [
          requestHead(e.server.port).replace(`Host: 127.0.0.1:${e.server.port}`, `Host: ${host}`) + '{}',
        ]),
      );
      expectWellFormedError(reply!.status, (n) => reply!.headers[n], reply!.body, 'AccessDeniedException');
    },
  );

  it('localhost:<port> is accepted as Host', async () => {
    const reply = parseResponse(
      await exchange(e.server.port, [requestHead(e.server.port).replace('Host: 127.0.0.1', 'Host: localhost') + '{}']),
    );
    expectWellFormedError(reply!.status, (n) => reply!.headers[n], reply!.body, 'MissingAuthenticationTokenException');
  });

  it('broken HTTP → a JSON 400; oversized headers → a JSON 431', async () => {
    for (const garbage of [
      'GARBAGE\r\n\r\n',
      'POST / HTTP/9.9\r\n\r\n',
      'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n',
      '\u0000\u0001\u0002\r\n\r\n',
    ]) {
      const reply = parseResponse(await exchange(e.server.port, [garbage]));
      expectWellFormedError(reply!.status, (n) => reply!.headers[n], reply!.body, 'SerializationException');
    }
    const huge = parseResponse(
      await exchange(e.server.port, [requestHead(e.server.port, `X-Big: ${'a'.repeat(40_000)}\r\n`)]),
    );
    expect(huge!.status).toBe(431);
    expectWellFormedError(huge!.status, (n) => huge!.headers[n], huge!.body, 'SerializationException');
    await stillServing();
  });

  it('randomly mutated requests over raw sockets: any reply is well-formed, and the server keeps serving', async () => {
    const random = prng(4566);
    const template = Buffer.from(
      requestHead(
        e.server.port,
        'Authorization: AWS4-HMAC-SHA256 Credential=x/20240101/us-east-1/kms/aws4_request\r\n',
      ) + '{}',
    );
    const mutate = (): Buffer => {
      const bytes = Buffer.from(template);
      for (let i = 0, n = 1 + Math.floor(random() * 4); i < n; i++)
        bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      return bytes;
    };
    for (let batch = 0; batch < 10; batch++) {
      const replies = await Promise.all(
        Array.from({ length: 12 }, () => exchange(e.server.port, [mutate()], { timeoutMs: 2_500 })),
      );
      for (const text of replies) {
        const reply = parseResponse(text);
        if (reply === undefined) continue; // an incomplete request that the client gave up on first
        expectWellFormedError(reply.status, (n) => reply.headers[n], reply.body);
      }
    }
    await stillServing();
  });
});

describe('size, time and concurrency limits', () => {
  it('a declared huge body → RequestEntityTooLargeException (413) without reading it', async () => {
    const reply = parseResponse(await exchange(e.server.port, [requestHead(e.server.port, '', 50 * 1024 * 1024)]));
    expectWellFormedError(reply!.status, (n) => reply!.headers[n], reply!.body, 'RequestEntityTooLargeException');
    expect(reply!.status).toBe(413);
  });

  it('a chunked body growing past the limit → 413', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port: e.server.port,
        method: 'POST',
        path: '/',
        headers: { 'content-type': 'application/x-amz-json-1.1' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      for (let i = 0; i < 8; i++) req.write(chunk);
      req.end();
    });
    expect(status).toBe(413);
    await stillServing();
  });

  it('a body that trickles in too slowly → RequestTimeoutException (408)', async () => {
    const trickle = Array.from({ length: 30 }, () => ' ');
    const reply = parseResponse(
      await exchange(e.server.port, [requestHead(e.server.port, '', 100), ...trickle], { gapMs: 50, timeoutMs: 4_000 }),
    );
    expectWellFormedError(reply!.status, (n) => reply!.headers[n], reply!.body, 'RequestTimeoutException');
  });

  it('headers that never finish → a JSON 408 and a closed socket', async () => {
    const reply = parseResponse(
      await exchange(e.server.port, ['POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n'], { timeoutMs: 5_000 }),
    );
    expect(reply?.status).toBe(408);
    expectWellFormedError(reply!.status, (n) => reply!.headers[n], reply!.body, 'RequestTimeoutException');
  });

  it('over the concurrency bound → ThrottlingException at once, then normal service', async () => {
    // Three slow requests hold the three slots until their bodies time out (500 ms).
    const slow = Array.from({ length: 3 }, () =>
      exchange(e.server.port, [requestHead(e.server.port, '', 10)], { timeoutMs: 3_000 }),
    );
    await new Promise((r) => setTimeout(r, 150));
    const refused = await e.raw({ target: 'TrentService.ListKeys' });
    expectWellFormedError(refused.status, (n) => refused.headers.get(n), refused.text, 'ThrottlingException');
    for (const text of await Promise.all(slow)) expect(parseResponse(text)?.status).toBe(408);
    await stillServing();
  });
});
