// No private-key byte may appear in any response, error, log line or the index file. A known PKCS#8
// key is imported, every operation is exercised (successes and failures), and everything the service
// produced is searched for the private scalar in hex, base64 and base64url.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createPrivateKey } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES } from '../../../src/shared/operations';
import { opensslKeyPair } from '../../support/openssl';
import { createTempService } from '../../support/temp-service';

const t = createTempService('leaks');
afterAll(() => t.cleanup());

describe('key material never leaves the keychain', () => {
  it('appears in no response, error, log line or index file', async () => {
    const pair = opensslKeyPair('ECC_NIST_P256');
    const scalar = Buffer.from(createPrivateKey(pair.privatePem).export({ format: 'jwk' }).d ?? '', 'base64url');
    expect(scalar.length).toBe(32);
    const needles = [scalar.toString('hex'), scalar.toString('base64'), scalar.toString('base64url')];
    const logged: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))),
    );
    const outputs: unknown[] = [];
    try {
      const imported = await t.ok('ImportKey', {
        KeySpec: 'ECC_NIST_P256',
        PrivateKey: Buffer.from(pair.privatePem).toString('base64'),
      });
      const KeyId = imported.KeyMetadata.KeyId;
      const peer = opensslKeyPair('ECC_NIST_P256').publicDer.toString('base64');
      const requests: Record<string, unknown[]> = {
        DescribeKey: [{ KeyId }],
        GetPublicKey: [{ KeyId }],
        ListKeys: [{}],
        ListKeyDetails: [{}],
        DeriveSharedSecret: [
          { KeyId, PublicKey: peer },
          { KeyId, PublicKey: 'AAAA' },
          { KeyId, PublicKey: peer, DryRun: true },
        ],
        InspectPublicKey: [{ PublicKey: peer, KeyId }],
        CreateAlias: [{ AliasName: 'alias/leak', TargetKeyId: KeyId }],
        ListAliases: [{}],
        TagResource: [{ KeyId, Tags: [{ TagKey: 'a', TagValue: 'b' }] }],
        ListResourceTags: [{ KeyId }],
        // Importing the same key again, and importing it with the wrong spec: errors must not quote it.
        ImportKey: [
          { KeySpec: 'ECC_NIST_P384', PrivateKey: Buffer.from(pair.privatePem).toString('base64') },
          { KeySpec: 'ECC_NIST_P256', PrivateKey: scalar.toString('base64') },
        ],
        DisableKey: [{ KeyId }],
        EnableKey: [{ KeyId }],
        ScheduleKeyDeletion: [{ KeyId, PendingWindowInDays: 7 }],
        CancelKeyDeletion: [{ KeyId }],
      };
      for (const operation of OPERATION_NAMES) {
        for (const request of requests[operation] ?? [{ KeyId }, {}])
          outputs.push(await t.service.call(operation, request));
      }
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
    const index = readFileSync(path.join(t.settings.dataDir, 'keys.json'), 'utf8');
    const haystack = JSON.stringify(outputs) + '\n' + logged.join('\n') + '\n' + index;
    expect(outputs.length).toBeGreaterThan(OPERATION_NAMES.length);
    for (const needle of needles) expect(haystack).not.toContain(needle);
    // The haystack does hold the public key and the secret, so the search itself is meaningful.
    expect(haystack).toContain('SharedSecret');
  });
});
