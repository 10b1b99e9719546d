// Makes keychain calls through the worker and prints one JSON line {workerPid, outcome?}. Modes:
// `end`: one real call, then fall off the end (it must exit by itself); `wait`: one real call, then wait
// forever; `hung`: print, then make a real call that never returns (DBUS_SESSION_BUS_ADDRESS is a silent
// socket). In the last two the test SIGKILLs this process and checks that the worker goes too.
// Started by keychain-worker.test.ts.
import path from 'node:path';
import { KeytarKeychain } from '../../../../src/core/store/keytar-keychain';

const mode = process.argv[2];
const keychain = new KeytarKeychain({
  service: `qkms-test-one-call-${process.pid}`,
  timeoutMs: 60_000,
  workerPath: path.join(__dirname, 'test-keychain-worker.cjs'),
});

async function main(): Promise<void> {
  const workerPid = Number(await keychain.getSecret('whoami'));
  if (mode === 'hung') {
    process.stdout.write(`${JSON.stringify({ workerPid })}\n`);
    await keychain.getSecret('none');
    return;
  }
  // One real keytar call (the private keyring, or a bus address that leads nowhere).
  const outcome = await keychain.getSecret('none').then(
    (value) => ({ ok: true, value }),
    (e: { code?: string }) => ({ ok: false, code: e.code }),
  );
  process.stdout.write(`${JSON.stringify({ workerPid, outcome })}\n`);
  if (mode === 'wait') setInterval(() => undefined, 60_000);
}

void main();
