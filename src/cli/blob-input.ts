// Reading blob parameters the AWS CLI way: `fileb://path` is raw bytes, `file://path` is text, anything
// else is the value itself. Public keys given as text go through the shared text intake (base64, hex,
// PEM, JWK), the same one the GUI uses.
import { readFileSync, statSync } from 'node:fs';
import { QkmsError } from '../shared/errors';
import { decodePublicKeyText } from '../shared/public-key-text';
import { UsageError } from './usage-error';

const MAX_FILE_BYTES = 1024 * 1024;

export function readFileArgument(path: string, option: string): Buffer {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${option}: cannot read ${path} (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`);
  }
  if (size > MAX_FILE_BYTES)
    throw new UsageError(`${option}: ${path} is ${size} bytes; at most ${MAX_FILE_BYTES} are read`);
  return readFileSync(path);
}

/** A text argument that may be `file://path`. */
export function textArgument(value: string, option: string): string {
  return value.startsWith('file://') ? readFileArgument(value.slice(7), option).toString('utf8') : value;
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
