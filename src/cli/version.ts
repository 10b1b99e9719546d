// The version `qkms --version` prints: package.json's, read once, so there is one place to bump it.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const QKMS_VERSION: string = (
  JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string }
).version;
