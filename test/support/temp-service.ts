// A real service for tests: the real keychain (the private gnome-keyring that scripts/with-keyring.sh
// starts), a unique keychain service name and a temporary data directory per fixture.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openService, type ServiceSettings } from '../../src/core/open-service';
import type { KmsService } from '../../src/core/service/kms-service';
import type { OperationName, Responses } from '../../src/shared/operations';
import type { WireError } from '../../src/shared/errors';

export interface TempService {
  service: KmsService;
  settings: ServiceSettings;
  /** Environment for a child `qkms` process that sees the same keys. */
  env: NodeJS.ProcessEnv;
  /** Calls and expects success. */
  ok<Op extends OperationName>(operation: Op, request: unknown): Promise<Responses[Op]>;
  /** Calls and expects the error; returns it. */
  fails(operation: OperationName, request: unknown): Promise<WireError>;
  cleanup(): void;
}

/** `accountId`: the unit tests use their own; the e2e tests (which make the docs screenshots) the default. */
export function createTempService(label: string, accountId = '123456789012'): TempService {
  const dataDir = mkdtempSync(path.join(tmpdir(), `qkms-${label}-`));
  const settings: ServiceSettings = {
    dataDir,
    keychainService: `qkms-test-${label}-${randomBytes(4).toString('hex')}`,
    accountId,
  };
  const service = openService(settings);
  return {
    service,
    settings,
    env: {
      ...process.env,
      QKMS_DATA_DIR: dataDir,
      QKMS_KEYCHAIN_SERVICE: settings.keychainService,
      QKMS_ACCOUNT_ID: settings.accountId,
    },
    async ok(operation, request) {
      const result = await service.call(operation, request);
      if (!result.ok) throw new Error(`${operation} failed: ${result.error.__type}: ${result.error.message}`);
      return result.value;
    },
    async fails(operation, request) {
      const result = await service.call(operation, request);
      if (result.ok)
        throw new Error(`${operation} succeeded but was expected to fail: ${JSON.stringify(result.value)}`);
      return result.error;
    },
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
