// The qkms CLI as a user drives it: help, options, blob forms, --cli-input-json, exit codes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { opensslDerive, opensslKeyPair } from '../support/openssl';
import { runQkms } from '../support/run-cli';
import { createTempService } from '../support/temp-service';

const t = createTempService('cli');
const work = mkdtempSync(path.join(tmpdir(), 'qkms-cli-'));
afterAll(() => t.cleanup());

describe('qkms', () => {
  it('prints help listing every command, and per-command options', () => {
    const help = runQkms(['--help'], t.env);
    expect(help.status).toBe(0);
    for (const command of [
      'create-key',
      'import-key',
      'derive-shared-secret',
      'schedule-key-deletion',
      'list-resource-tags',
      'serve',
    ]) {
      expect(help.stdout).toContain(command);
    }
    const derive = runQkms(['derive-shared-secret', '--help'], t.env);
    expect(derive.stdout).toMatch(/--public-key\s+required\s+blob/);
  });

  it('exits 252 on usage mistakes with a specific message', () => {
    const cases: [string[], string][] = [
      [['no-such-command'], "'no-such-command' is not a command"],
      [['create-key', '--bogus', 'x'], 'Unknown option --bogus'],
      [['describe-key'], 'the following arguments are required: --key-id'],
      [['list-keys', '--limit', 'ten'], "--limit must be a number, got 'ten'"],
      [['derive-shared-secret', '--key-id', 'k', '--public-key', 'fileb:///nonexistent'], 'no such file'],
    ];
    for (const [args, fragment] of cases) {
      const run = runQkms(args, t.env);
      expect(run.status, args.join(' ')).toBe(252);
      expect(run.stderr).toContain(fragment);
    }
  });

  it('exits 254 on service errors, AWS CLI style', () => {
    const run = runQkms(['create-key', '--key-spec', 'ECC_NIST_P999'], t.env);
    expect(run.status).toBe(254);
    expect(run.stderr).toMatch(
      /^An error occurred \(ValidationException\) when calling the CreateKey operation: .*ECC_NIST_P999/,
    );
  });

  it('creates, aliases, tags and derives with PEM, hex, file:// and fileb:// public keys', () => {
    const created = runQkms(
      ['create-key', '--key-spec', 'ECC_NIST_P256', '--description', 'cli demo', '--tags', 'TagKey=team,TagValue=red'],
      t.env,
    );
    expect(created.status).toBe(0);
    const keyId = created.json<{ KeyMetadata: { KeyId: string } }>().KeyMetadata.KeyId;
    expect(runQkms(['create-alias', '--alias-name', 'alias/cli-demo', '--target-key-id', keyId], t.env).status).toBe(0);
    const tags = runQkms(['list-resource-tags', '--key-id', 'alias/cli-demo'], t.env).json<{ Tags: unknown[] }>();
    expect(tags.Tags).toEqual([{ TagKey: 'team', TagValue: 'red' }]);

    const publicKey = runQkms(['get-public-key', '--key-id', 'alias/cli-demo'], t.env).json<{ PublicKey: string }>()
      .PublicKey;
    const peer = opensslKeyPair('ECC_NIST_P256');
    const expected = opensslDerive(peer.privatePath, Buffer.from(publicKey, 'base64')).toString('base64');
    const derFile = path.join(work, 'peer.der');
    writeFileSync(derFile, peer.publicDer);
    const forms = [
      peer.publicPem,
      peer.publicDer.toString('hex'),
      peer.publicDer.toString('base64'),
      `file://${peer.publicPath}`,
      `fileb://${derFile}`,
    ];
    for (const form of forms) {
      const run = runQkms(['derive-shared-secret', '--key-id', 'alias/cli-demo', '--public-key', form], t.env);
      expect(run.stderr, form.slice(0, 30)).toBe('');
      expect(run.json<{ SharedSecret: string }>().SharedSecret).toBe(expected);
    }
  });

  it('takes --cli-input-json, with options overriding it', () => {
    const body = JSON.stringify({ KeySpec: 'ECC_NIST_P384', Description: 'from json' });
    const run = runQkms(['create-key', '--cli-input-json', body, '--description', 'from option'], t.env);
    expect(run.json<{ KeyMetadata: { KeySpec: string; Description: string } }>().KeyMetadata).toMatchObject({
      KeySpec: 'ECC_NIST_P384',
      Description: 'from option',
    });
  });
});

describe('qkms output options', () => {
  it('prints a part of the response with --query and --output text, and nothing for empty responses', () => {
    const keyId = runQkms(
      ['create-key', '--key-spec', 'ECC_NIST_P256', '--query', 'KeyMetadata.KeyId', '--output', 'text'],
      t.env,
    );
    expect(keyId.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    const alias = runQkms(
      ['create-alias', '--alias-name', 'alias/query-demo', '--target-key-id', keyId.stdout.trim()],
      t.env,
    );
    expect(alias).toMatchObject({ status: 0, stdout: '', stderr: '' });
    const listed = runQkms(
      ['list-aliases', '--key-id', 'alias/query-demo', '--query', 'Aliases[0].AliasName', '--output=text'],
      t.env,
    );
    expect(listed.stdout.trim()).toBe('alias/query-demo');
    const missing = runQkms(
      ['describe-key', '--key-id', 'alias/query-demo', '--query', 'KeyMetadata.Nope', '--output', 'text'],
      t.env,
    );
    expect(missing.stdout.trim()).toBe('None');
    const bad = runQkms(['list-keys', '--query', 'Keys[*].KeyId'], t.env);
    expect(bad.status).toBe(252);
    expect(bad.stderr).toContain("'Keys[*].KeyId' is not supported");
  });
});

describe('qkms refuses, clearly, what it cannot do', () => {
  it('reads only regular files, and points binary files given as file:// to fileb://', () => {
    const der = path.join(work, 'binary.der');
    writeFileSync(der, opensslKeyPair('ECC_NIST_P256').publicDer);
    const cases: [string, string][] = [
      ['fileb:///dev/zero', '/dev/zero is not a regular file'],
      [`fileb://${work}`, `${work} is not a regular file`],
      [`file://${der}`, `is not a text file; give binary files (such as DER) as fileb://${der}`],
    ];
    for (const [value, fragment] of cases) {
      const run = runQkms(['derive-shared-secret', '--key-id', 'alias/x', '--public-key', value], t.env);
      expect(run.status, value).toBe(252);
      expect(run.stderr).toContain(fragment);
    }
  });

  it('takes plain decimal numbers only, and a port of digits only', () => {
    for (const value of ['1e2', '0x10', ' 7', '']) {
      const run = runQkms(['list-keys', '--limit', value], t.env);
      expect(run.status, JSON.stringify(value)).toBe(252);
      expect(run.stderr).toContain('--limit must be a number');
    }
    const port = runQkms(['serve', '--port', ''], t.env);
    expect(port.status).toBe(252);
    expect(port.stderr).toContain('--port must be an integer from 0 to 65535');
  });

  it('says the wrapped import works through the endpoint only', () => {
    const run = runQkms(
      [
        'get-parameters-for-import',
        '--key-id',
        'alias/x',
        '--wrapping-algorithm',
        'RSAES_OAEP_SHA_256',
        '--wrapping-key-spec',
        'RSA_2048',
      ],
      t.env,
    );
    expect(run.status).toBe(252);
    expect(run.stderr).toContain('works through the endpoint only');
    expect(run.stderr).toContain('qkms import-key');
  });

  it('prints its version, and AWS-like text output', () => {
    expect(runQkms(['--version'], t.env).stdout).toMatch(/^qkms \d+\.\d+\.\d+\n$/);
    const run = runQkms(['list-aliases', '--output', 'text'], t.env);
    expect(run.status).toBe(0);
    // The response's own scalar (Truncated), then one tab-separated line per alias.
    const [truncated, ...aliases] = run.stdout.trim().split('\n');
    expect(truncated).toBe('false');
    expect(aliases.length).toBeGreaterThan(0);
    for (const line of aliases) expect(line).toMatch(/^alias\/\S+\tarn:verenc:\d{12}:alias\/\S+\t[0-9a-f-]{36}\t/);
  });

  it('reports a busy port for serve as an error with exit code 254', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = runQkms(['serve', '--port', String(port)], t.env);
      expect(run.status).toBe(254);
      expect(run.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });
});
