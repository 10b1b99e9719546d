// Reading blob parameters the AWS CLI way: `fileb://path` is raw bytes, `file://path` is text, anything
// else is the value itself. Public keys given as text go through the shared text intake (base64, hex,
// PEM, JWK), the same one the GUI uses.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { QkmsError } from '../shared/errors';
import { decodePublicKeyText } from '../shared/public-key-text';
import { UsageError } from './usage-error';

const MAX_FILE_BYTES = 1024 * 1024;

function cannotRead(path: string, option: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  return new UsageError(`${option}: cannot read ${path} (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`);
}

/**
 * A file named by fileb:// or file://: a regular file only (a device such as /dev/zero or a pipe has no
 * size to check and could be endless), and never more than MAX_FILE_BYTES, however the file grows.
 */
export function readFileArgument(path: string, option: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw cannotRead(path, option, error);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UsageError(`${option}: ${path} is not a regular file`);
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) {
      read = readSync(fd, buffer, length, buffer.length - length, null);
    }
    if (length > MAX_FILE_BYTES)
      throw new UsageError(`${option}: ${path} is larger than ${MAX_FILE_BYTES} bytes, the most that is read`);
    return buffer.subarray(0, length);
  } catch (error) {
    throw error instanceof UsageError ? error : cannotRead(path, option, error);
  } finally {
    closeSync(fd);
  }
}

/** A text argument that may be `file://path`; a binary file is pointed to fileb://. */
export function textArgument(value: string, option: string): string {
  if (!value.startsWith('file://')) return value;
  const path = value.slice(7);
  const text = readFileArgument(path, option).toString('utf8');
  // Text files hold no NUL or other C0 controls than tab, CR and LF; U+FFFD means bytes that are not UTF-8.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for.
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text)) {
    throw new UsageError(`${option}: ${path} is not a text file; give binary files (such as DER) as fileb://${path}`);
  }
  return text;
}

/** The field whose text is the peer's EC public key, decoded by the shared intake (the GUI's too). The RSA
 *  RecipientInfo is not: it takes base64 or PEM like the other blobs, and the core reads its PEM. */
const PUBLIC_KEY_FIELDS = new Set(['PublicKey']);

/** The wire value (base64) of a blob option. */
export function blobArgument(field: string, value: string, option: string): string {
  if (value.startsWith('fileb://')) return readFileArgument(value.slice(8), option).toString('base64');
  const text = textArgument(value, option);
  if (PUBLIC_KEY_FIELDS.has(field)) {
    try {
      return Buffer.from(decodePublicKeyText(text).bytes).toString('base64');
    } catch (error) {
      if (error instanceof QkmsError) throw new QkmsError(error.code, `${option}: ${error.message}`);
      throw error;
    }
  }
  // PEM text (a private key, an RSA recipient key) is sent as its bytes; other blobs are base64 text.
  if (text.includes('-----BEGIN')) return Buffer.from(text, 'utf8').toString('base64');
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0 || compact.length === 0) {
    throw new UsageError(
      `${option}: give base64 text, fileb://<path> for a binary file, or file://<path> for a text file`,
    );
  }
  return compact;
}
