// The keychain worker: the only process that runs keytar's native code (libsecret on Linux). Started by
// KeytarKeychain (keychain-worker-client.ts) over a child_process IPC channel; answers
//   {id, op: 'get'|'set'|'delete', service, account, secret?}
// with {id, ok: true, value} or {id, ok: false, message, kind?: 'load'}.
// Why a process of its own: a keytar call that never answers (an unanswered unlock prompt, a hung Secret
// Service) holds a libuv thread-pool thread forever, and Node's exit path joins that pool — the process
// could then never exit, not even through process.exit(). Here, the parent SIGKILLs this process instead.
// keytar can also crash outright (SIGSEGV in libsecret on a locked keyring); then only this process dies.
// Plain JavaScript on purpose: it starts with plain node (or Electron as node) in ~40 ms, no TypeScript.
// In the desktop app this runs as the Electron binary with ELECTRON_RUN_AS_NODE, so keytar must be
// built for Electron's ABI (`npx electron-rebuild -f -w @github/keytar`, see README).
'use strict';

/** @type {{ getPassword: Function, setPassword: Function, deletePassword: Function } | undefined} */
let keytar;

function loadKeytar() {
  if (!keytar) {
    // Not cached on failure: after `npm rebuild` a later call may load it.
    const mod = require('@github/keytar');
    keytar = mod.default || mod;
  }
  return keytar;
}

/** The first line of an error's message, bounded (keytar's messages come from libsecret/D-Bus). */
function messageOf(error) {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n')[0] || '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

async function answer(request) {
  let api;
  try {
    api = loadKeytar();
  } catch (error) {
    return { ok: false, kind: 'load', message: messageOf(error) };
  }
  try {
    switch (request.op) {
      case 'get':
        return { ok: true, value: await api.getPassword(request.service, request.account) };
      case 'set':
        // Never log the secret; it is key material.
        await api.setPassword(request.service, request.account, request.secret);
        return { ok: true, value: null };
      case 'delete':
        return { ok: true, value: await api.deletePassword(request.service, request.account) };
      default:
        return { ok: false, message: `unknown keychain operation '${String(request.op).slice(0, 20)}'` };
    }
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}

if (typeof process.send !== 'function') {
  process.stderr.write('keychain-worker.cjs is started by QKMS over an IPC channel, not by hand\n');
  process.exit(2);
}

/** Calls not answered yet: one of them may be stuck inside libsecret. */
let inFlight = 0;

process.on('message', (request) => {
  const id = request && request.id;
  inFlight++;
  void answer(request || {}).then((reply) => {
    inFlight--;
    if (process.connected) process.send({ id, ...reply });
  });
});

// The parent went away (exited, crashed or was killed): go too. With a call in flight, SIGKILL, not
// process.exit(): a keytar call stuck in the thread pool would make a normal exit wait forever.
process.on('disconnect', () => {
  if (inFlight > 0) process.kill(process.pid, 'SIGKILL');
  else process.exit(0);
});
