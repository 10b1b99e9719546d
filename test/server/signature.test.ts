// SigV4 refusals, with AWS's error types: through the SDK (wrong secret, unknown key id, skewed clock via
// systemClockOffset) and as raw requests for what the SDK never sends (no Authorization header, malformed
// ones, tampering after signing). A refused request never reaches a key.
import { CreateKeyCommand, ListKeysCommand } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEndpoint, type TestEndpoint, sdkError } from './support/endpoint';

let e: TestEndpoint;
beforeAll(async () => {
  e = await startTestEndpoint('sigv4');
});
afterAll(() => e.stop());

const keyCount = async () => (await e.client().send(new ListKeysCommand({}))).Keys!.length;

describe('through the SDK', () => {
  it('accepts any region', async () => {
    for (const region of ['us-east-1', 'eu-central-2', 'xx-local-9']) {
      expect((await e.client({ region }).send(new ListKeysCommand({}))).$metadata.httpStatusCode).toBe(200);
    }
  });

  it('a wrong secret is InvalidSignatureException, and nothing is created', async () => {
    const before = await keyCount();
    const client = e.client({
      credentials: {
        accessKeyId: e.credentials.accessKeyId,
        secretAccessKey: 'wrong-secret-wrong-secret-wrong-secret00',
      },
    });
    const error = await sdkError(client.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256' })));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(await keyCount()).toBe(before);
  });

  it('an unknown access key id is UnrecognizedClientException', async () => {
    const client = e.client({
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: e.credentials.secretAccessKey },
    });
    const error = await sdkError(client.send(new ListKeysCommand({})));
    expect(error.name).toBe('UnrecognizedClientException');
    expect(error.message).toBe('The security token included in the request is invalid.');
  });

  it('a session token (which the endpoint never issues) is UnrecognizedClientException', async () => {
    const client = e.client({ credentials: { ...e.credentials, sessionToken: 'FwoGZXIvYXdzEXAMPLE' } });
    expect((await sdkError(client.send(new ListKeysCommand({})))).name).toBe('UnrecognizedClientException');
  });

  it.each([
    [-6 * 60_000, 'Signature expired'],
    [+6 * 60_000, 'Signature not yet current'],
  ])('a clock off by %d ms is InvalidSignatureException (%s)', async (offset, says) => {
    const client = e.client({ systemClockOffset: offset });
    const error = await sdkError(client.send(new ListKeysCommand({})));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.message).toContain(says);
  });

  it('a clock off by 4 minutes is still accepted', async () => {
    expect((await e.client({ systemClockOffset: -4 * 60_000 }).send(new ListKeysCommand({}))).Keys).toBeDefined();
    expect((await e.client({ systemClockOffset: 4 * 60_000 }).send(new ListKeysCommand({}))).Keys).toBeDefined();
  });
});

describe('raw requests', () => {
  const target = 'TrentService.ListKeys';

  it('no Authorization header is MissingAuthenticationTokenException', async () => {
    const response = await e.raw({ target, sign: false });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      __type: 'MissingAuthenticationTokenException',
      message: 'Request is missing Authentication Token',
    });
    expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
  });

  it('a signed request passes (the helper is right)', async () => {
    expect((await e.raw({ target })).status).toBe(200);
  });

  const malformed: [string, string][] = [
    ['Bearer abc', 'Unsupported'],
    ['AWS4-HMAC-SHA256', "requires 'Credential'"],
    [
      'AWS4-HMAC-SHA256 Credential=X/20240101/us-east-1/kms/aws4_request, SignedHeaders=host;x-amz-date',
      "requires 'Signature'",
    ],
    [
      'AWS4-HMAC-SHA256 Credential=X/us-east-1/kms/aws4_request, SignedHeaders=host;x-amz-date, Signature=' +
        'a'.repeat(64),
      'Credential must have',
    ],
    [
      'AWS4-HMAC-SHA256 Credential=X/20240101/us-east-1/kms/aws5_request, SignedHeaders=host;x-amz-date, Signature=' +
        'a'.repeat(64),
      'terminator',
    ],
    [
      'AWS4-HMAC-SHA256 Credential=X/20240101/us-east-1/kms/aws4_request, SignedHeaders=x-amz-date, Signature=' +
        'a'.repeat(64),
      "'host' must be",
    ],
    [
      'AWS4-HMAC-SHA256 Credential=X/20240101/us-east-1/kms/aws4_request, SignedHeaders=host;x-amz-date, Signature=xyz',
      '64 lowercase',
    ],
    [
      'AWS4-HMAC-SHA256 Credential=X/20240101/us-east-1/kms/aws4_request, Credential=Y, SignedHeaders=host, Signature=a',
      'twice',
    ],
    [
      'AWS4-HMAC-SHA256 Credential=X/20240101/us-east-1/kms/aws4_request, SignedHeaders=Host;X-Amz-Date, Signature=' +
        'a'.repeat(64),
      'lowercase',
    ],
  ];
  it.each(malformed)('Authorization %j is IncompleteSignatureException', async (authorization, says) => {
    const response = await e.raw({ target, sign: false, headers: { authorization, 'x-amz-date': '20240101T000000Z' } });
    expect(response.status).toBe(400);
    expect(response.json.__type).toBe('IncompleteSignatureException');
    expect(response.json.message).toContain(says);
  });

  it('a signature scoped to another service is InvalidSignatureException', async () => {
    const response = await e.raw({ target, service: 'sts' });
    expect(response.json).toMatchObject({
      __type: 'InvalidSignatureException',
      message: "Credential should be scoped to correct service: 'kms'.",
    });
  });

  it('an unknown key id in a raw request is UnrecognizedClientException', async () => {
    expect((await e.raw({ target, accessKeyId: 'SOMEONEELSE' })).json.__type).toBe('UnrecognizedClientException');
  });

  it('a request signed an hour ago is InvalidSignatureException', async () => {
    const response = await e.raw({ target, signingDate: new Date(Date.now() - 3_600_000) });
    expect(response.json.__type).toBe('InvalidSignatureException');
    expect(response.json.message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/,
    );
  });

  it('a signed header removed after signing is IncompleteSignatureException', async () => {
    const response = await e.raw({ target, mutate: (sent) => delete sent.headers['x-amz-content-sha256'] });
    expect(response.json).toMatchObject({
      __type: 'IncompleteSignatureException',
      message: expect.stringContaining("'x-amz-content-sha256'"),
    });
  });

  it('a request signed without x-amz-content-sha256 passes', async () => {
    expect((await e.raw({ target, applyChecksum: false })).status).toBe(200);
  });

  it('a missing X-Amz-Date is IncompleteSignatureException', async () => {
    const response = await e.raw({ target, mutate: (sent) => delete sent.headers['x-amz-date'] });
    expect(response.json.__type).toBe('IncompleteSignatureException');
  });

  it('a body changed after signing is InvalidSignatureException (with or without x-amz-content-sha256)', async () => {
    const body = JSON.stringify({ Limit: 1 });
    const changed = await e.raw({ target, body, mutate: (sent) => (sent.body = JSON.stringify({ Limit: 2 })) });
    expect(changed.json.__type).toBe('InvalidSignatureException');
    expect(changed.json.message).toContain('x-amz-content-sha256');
    const noHash = await e.raw({
      target,
      body,
      applyChecksum: false,
      mutate: (sent) => (sent.body = JSON.stringify({ Limit: 2 })),
    });
    expect(noHash.json.__type).toBe('InvalidSignatureException');
  });

  it('an X-Amz-Target changed after signing is InvalidSignatureException, and nothing is created', async () => {
    const before = await keyCount();
    const response = await e.raw({
      target,
      body: JSON.stringify({ KeySpec: 'ECC_NIST_P256' }),
      mutate: (sent) => (sent.headers['x-amz-target'] = 'TrentService.CreateKey'),
    });
    expect(response.json.__type).toBe('InvalidSignatureException');
    expect(await keyCount()).toBe(before);
  });

  it('UNSIGNED-PAYLOAD is refused', async () => {
    const response = await e.raw({ target, headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    expect(response.json.__type).toBe('InvalidSignatureException');
  });
});
