// The AWS CLI against the endpoint, changed in nothing but --endpoint-url. The CLI is QKMS_TEST_AWS_CLI
// if set, else the first `aws` on PATH or /usr/bin/aws (Debian 12's awscli package, AWS CLI 2.9.x) whose
// KMS model knows derive-shared-secret, else the first one found. Skipped, saying why, when none is
// installed; derive-shared-secret is skipped, saying why, when the CLI's KMS model predates it (2024).
import { execFile, spawnSync } from 'node:child_process';
import { createPublicKey, diffieHellman, generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEndpoint, type TestEndpoint } from './support/endpoint';

function awsCliCandidates(): string[] {
  if (process.env.QKMS_TEST_AWS_CLI) return [process.env.QKMS_TEST_AWS_CLI];
  const onPath = (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'aws'));
  return [...new Set([...onPath, '/usr/bin/aws'])].filter((candidate) => existsSync(candidate));
}

/** A CLI whose KMS model lacks an operation answers "Invalid choice"; one that has it asks for arguments. */
const knowsDeriveSharedSecret = (cli: string): boolean =>
  !spawnSync(cli, ['kms', 'derive-shared-secret'], { encoding: 'utf8', timeout: 30_000 }).stderr?.includes(
    'Invalid choice',
  );

const candidates = awsCliCandidates();
const AWS = candidates.find(knowsDeriveSharedSecret) ?? candidates[0] ?? '/usr/bin/aws';
const hasCli = existsSync(AWS);
// Async on purpose: the server runs in this process, so a synchronous exec would deadlock it.
const run = promisify(execFile);

describe.skipIf(!hasCli)(
  `AWS CLI (${hasCli ? AWS : `skipped: ${AWS} is not installed (apt-get install awscli)`})`,
  () => {
    let e: TestEndpoint;
    let dir: string;
    let env: NodeJS.ProcessEnv;

    beforeAll(async () => {
      e = await startTestEndpoint('aws-cli');
      dir = mkdtempSync(path.join(tmpdir(), 'qkms-awscli-'));
      env = {
        PATH: process.env.PATH,
        HOME: dir,
        AWS_ACCESS_KEY_ID: e.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: e.credentials.secretAccessKey,
        AWS_DEFAULT_REGION: 'eu-north-1',
        // Never read the user's own AWS configuration.
        AWS_CONFIG_FILE: path.join(dir, 'none'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'none'),
        AWS_MAX_ATTEMPTS: '1',
        AWS_PAGER: '',
      };
    });
    afterAll(async () => {
      await e.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    const aws = async (...args: string[]) => {
      const { stdout } = await run(AWS, ['kms', ...args, '--endpoint-url', e.url, '--output', 'json'], {
        env,
        timeout: 60_000,
      });
      return JSON.parse(stdout) as Record<string, unknown>;
    };

    const createKey = async () =>
      (
        (await aws('create-key', '--key-spec', 'ECC_NIST_P256', '--key-usage', 'KEY_AGREEMENT')).KeyMetadata as {
          KeyId: string;
        }
      ).KeyId;

    it('create-key, list-keys, describe-key and get-public-key work unchanged but for --endpoint-url', async () => {
      const keyId = await createKey();
      const listed = (await aws('list-keys')).Keys as { KeyId: string }[];
      expect(listed.map((k) => k.KeyId)).toContain(keyId);
      expect((await aws('describe-key', '--key-id', keyId)).KeyMetadata).toMatchObject({
        KeyId: keyId,
        KeyState: 'Enabled',
      });
      const { PublicKey } = (await aws('get-public-key', '--key-id', keyId)) as { PublicKey: string };
      expect(
        createPublicKey({ key: Buffer.from(PublicKey, 'base64'), format: 'der', type: 'spki' }).asymmetricKeyDetails
          ?.namedCurve,
      ).toBe('prime256v1');
    });

    it('derive-shared-secret gives what crypto.diffieHellman gives', async (ctx) => {
      const { stdout: help } = await run(AWS, ['kms', 'help'], { env, timeout: 60_000, maxBuffer: 8 * 1024 * 1024 });
      if (!help.includes('derive-shared-secret')) {
        ctx.skip(`${AWS} has no 'kms derive-shared-secret' (its KMS model predates the operation)`);
        return;
      }
      const created = { KeyId: await createKey() };
      const { PublicKey } = (await aws('get-public-key', '--key-id', created.KeyId)) as { PublicKey: string };
      const peer = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
      const peerFile = path.join(dir, 'peer.der');
      writeFileSync(peerFile, peer.publicKey.export({ type: 'spki', format: 'der' }));
      const derived = (await aws(
        'derive-shared-secret',
        '--key-id',
        created.KeyId,
        '--key-agreement-algorithm',
        'ECDH',
        '--public-key',
        `fileb://${peerFile}`,
      )) as {
        SharedSecret: string;
      };
      const expected = diffieHellman({
        privateKey: peer.privateKey,
        publicKey: createPublicKey({ key: Buffer.from(PublicKey, 'base64'), format: 'der', type: 'spki' }),
      });
      expect(Buffer.from(derived.SharedSecret, 'base64').equals(expected)).toBe(true);
    });

    it('an error comes out as the CLI reports AWS errors', async () => {
      const failure = await run(AWS, ['kms', 'describe-key', '--key-id', randomUUID(), '--endpoint-url', e.url], {
        env,
        timeout: 60_000,
      }).then(
        () => undefined,
        (error: { code?: number; stderr?: string }) => error,
      );
      expect(failure?.code).not.toBe(0);
      expect(failure?.stderr).toContain('(NotFoundException) when calling the DescribeKey operation');
    });

    it('a wrong secret is refused with InvalidSignatureException', async () => {
      const wrong = { ...env, AWS_SECRET_ACCESS_KEY: 'not-the-secret-not-the-secret-not-the-se' };
      const failure = await run(AWS, ['kms', 'list-keys', '--endpoint-url', e.url], {
        env: wrong,
        timeout: 60_000,
      }).then(
        () => undefined,
        (error: { stderr?: string }) => error,
      );
      expect(failure?.stderr).toContain('InvalidSignatureException');
    });
  },
);
