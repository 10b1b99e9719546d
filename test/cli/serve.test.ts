// `qkms serve` as a user starts it: the real bin, a free port, the printed endpoint and credentials used
// by the unmodified AWS SDK, and Ctrl-C (SIGINT) ending it with exit code 0.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { KMSClient, ListKeysCommand, CreateKeyCommand } from '@aws-sdk/client-kms';
import { afterAll, describe, expect, it } from 'vitest';
import { QKMS_BIN } from '../support/run-cli';
import { createTempService } from '../support/temp-service';

const t = createTempService('serve');
afterAll(() => t.cleanup());

interface Started {
  Endpoint: string;
  AccessKeyId: string;
  SecretAccessKey: string;
}

describe('qkms serve', () => {
  it('serves SDK clients with the credentials it prints, and stops on SIGINT', async () => {
    const child = spawn(process.execPath, [QKMS_BIN, 'serve', '--port', '0'], {
      env: t.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const started = await new Promise<Started>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.trim().endsWith('}')) resolve(JSON.parse(stdout) as Started);
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    expect(started.Endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const kms = new KMSClient({
      endpoint: started.Endpoint,
      region: 'eu-west-1',
      maxAttempts: 1,
      credentials: { accessKeyId: started.AccessKeyId, secretAccessKey: started.SecretAccessKey },
    });
    const created = await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'KEY_AGREEMENT' }));
    const listed = await kms.send(new ListKeysCommand({}));
    expect(listed.Keys?.map((k) => k.KeyId)).toContain(created.KeyMetadata?.KeyId);
    kms.destroy();

    child.kill('SIGINT');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    // One log line per request on stderr, with the operation and status, and no secret.
    expect(stderr).toMatch(/CreateKey .*200/);
    expect(stderr).not.toContain(started.SecretAccessKey);
  });
});
