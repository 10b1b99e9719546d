// A keychain worker for tests: the real keychain-worker.cjs, except for a few test accounts —
//   'crash-me' segfaults it (as keytar's findCredentials does on a locked keyring), 'exit-3' exits with
//   code 3, 'hang-me' is never answered (as a call stuck in libsecret), 'whoami' answers its process id.
'use strict';
const path = require('node:path');

function special(request) {
  switch (request && request.account) {
    case 'crash-me':
      process.kill(process.pid, 'SIGSEGV');
      return true;
    case 'exit-3':
      process.exit(3);
      return true;
    case 'hang-me':
      return true;
    case 'whoami':
      process.send({ id: request.id, ok: true, value: String(process.pid) });
      return true;
    default:
      return false;
  }
}

// Put the test accounts in front of the real worker's message handler.
const on = process.on.bind(process);
process.on = (event, listener) =>
  on(event, event === 'message' ? (request) => special(request) || listener(request) : listener);
require(path.join(__dirname, '../../../../src/core/store/keychain-worker.cjs'));
process.on = on;
