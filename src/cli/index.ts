// Process entry of `qkms`: wires the CLI to stdout/stderr and the exit code.
import { runCli } from './main';

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Unexpected faults: no stack trace and no message text (it could quote key material).
    process.stderr.write(
      `An error occurred (KMSInternalException): unexpected ${error instanceof Error ? error.name : 'fault'}\n`,
    );
    process.exitCode = 255;
  },
);
