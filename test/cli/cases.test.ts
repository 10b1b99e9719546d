// Every bug-report case in ../shared/cases through the real CLI: import the PKCS#8 key, derive with the
// public key exactly as pasted, and expect OpenSSL's secret or the error code.
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runQkms } from '../support/run-cli';
import { createTempService } from '../support/temp-service';

interface BugCase {
  id: string;
  curve: string;
  privateKeyPkcs8Pem: string;
  publicKey: string;
  expect: { sharedSecretBase64?: string; errorCode?: string; reason?: string };
}

const CASES_DIR = path.resolve(__dirname, '../../../shared/cases');
const KEY_SPEC_OF: Record<string, string> = {
  'P-256': 'ECC_NIST_P256',
  'P-384': 'ECC_NIST_P384',
  'P-521': 'ECC_NIST_P521',
  secp256k1: 'ECC_SECG_P256K1',
};
const cases: BugCase[] = readdirSync(CASES_DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(path.join(CASES_DIR, file), 'utf8')) as BugCase);

const t = createTempService('cases');
const work = mkdtempSync(path.join(tmpdir(), 'qkms-cases-'));
afterAll(() => t.cleanup());

describe('shared/cases through the qkms CLI', () => {
  it('finds the cases', () => expect(cases.length).toBeGreaterThanOrEqual(10));

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, bugCase) => {
    const keySpec = KEY_SPEC_OF[bugCase.curve];
    expect(keySpec, `unknown curve ${bugCase.curve}`).toBeDefined();
    const keyFile = path.join(work, `${bugCase.id}.pem`);
    writeFileSync(keyFile, bugCase.privateKeyPkcs8Pem);
    const imported = runQkms(
      [
        'import-key',
        '--key-spec',
        keySpec as string,
        '--key-usage',
        'DERIVE_SHARED_SECRET',
        '--private-key',
        `fileb://${keyFile}`,
      ],
      t.env,
    );
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    const keyId = imported.json<{ KeyMetadata: { KeyId: string } }>().KeyMetadata.KeyId;

    const derived = runQkms(['derive-shared-secret', '--key-id', keyId, '--public-key', bugCase.publicKey], t.env);
    if (bugCase.expect.sharedSecretBase64 !== undefined) {
      expect(derived.stderr).toBe('');
      expect(derived.status).toBe(0);
      expect(derived.json<{ SharedSecret: string }>().SharedSecret).toBe(bugCase.expect.sharedSecretBase64);
    } else {
      expect(derived.stdout).toBe('');
      expect(derived.status).toBe(254);
      expect(derived.stderr).toContain(`(${bugCase.expect.errorCode}) when calling the DeriveSharedSecret operation`);
      console.log(`${bugCase.id}: ${derived.stderr.trim()}`);
    }
  });
});
