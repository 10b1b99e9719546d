// The one door for peer public keys: DeriveSharedSecret, the GUI's key check and the CLI all come
// through here. Whatever the form (DER SPKI, PEM text, raw SEC1 point, JWK JSON), the result is a
// validated uncompressed point and the canonical DER SPKI for it.
import { QkmsError } from '../../shared/errors';
import { CURVES, KEY_SPECS, type KeySpec } from '../../shared/key-spec';
import { decodePublicKeyText } from '../../shared/public-key-text';
import { decodeSec1Point } from './curves';
import { parseEcJwk } from './jwk';
import { encodeEcSpki, parseEcSpki } from './spki';

export type PublicKeyFormat = 'DER_SPKI' | 'PEM' | 'SEC1_POINT' | 'JWK';

export interface PublicKeyIntake {
  keySpec: KeySpec;
  format: PublicKeyFormat;
  /** Whether the key arrived with a compressed (0x02/0x03) point. */
  compressed: boolean;
  /** Validated, uncompressed: 0x04 || X || Y. */
  point: Uint8Array;
  /** Normalised DER SPKI with the uncompressed point. */
  spki: Uint8Array;
}

const invalid = (message: string): QkmsError => new QkmsError('InvalidPublicKeyException', message);

/** The bytes as text, if they are UTF-8 with no control characters other than whitespace (BOM dropped). */
function asText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return undefined;
  return text.replace(/^\uFEFF/, '').trim();
}

/**
 * A blob whose bytes are themselves base64 or hex text means the caller encoded an already-encoded key
 * (AWS CLI v1 base64-encodes inline blobs again). We say so rather than guess and decode twice.
 */
function doubleEncoded(text: string | undefined): QkmsError | undefined {
  if (text === undefined || text.length < 8) return undefined;
  const compact = text.replace(/\s+/g, '');
  if (/^(0x)?[0-9a-fA-F:]+$/.test(compact)) {
    return invalid(
      'The public key was encoded twice: the decoded bytes are hex text, not DER. Send the DER key bytes base64-encoded once (or paste the hex text itself as text).',
    );
  }
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) {
    return invalid(
      'The public key was encoded twice: the decoded bytes are base64 text, not DER. Base64-encode the DER key bytes only once (with AWS CLI v1, pass the key as fileb://key.der).',
    );
  }
  return undefined;
}

const names = (specs: KeySpec[]): string => specs.map((s) => CURVES[s].displayName).join(' or ');

/** Picks the curve of a raw SEC1 point from its length, consulting `expected` when lengths collide. */
function readRawPoint(bytes: Uint8Array, expected?: KeySpec): PublicKeyIntake {
  const prefix = bytes[0]!;
  const compressedForm = prefix === 0x02 || prefix === 0x03;
  const rejectedPrefix = prefix === 0x00 || prefix === 0x06 || prefix === 0x07; // fails whatever the curve
  const fits = KEY_SPECS.filter((s) => bytes.length === (compressedForm ? 1 : 2) * CURVES[s].fieldBytes + 1);
  let keySpec: KeySpec;
  if (expected) {
    if (fits.length > 0 && !fits.includes(expected) && !rejectedPrefix) {
      throw invalid(
        `The raw ${bytes.length}-byte point has the length of a ${names(fits)} point: the peer curve (${names(fits)}) does not match the key's curve (${CURVES[expected].displayName}).`,
      );
    }
    keySpec = expected; // decodeSec1Point reports a wrong length against the expected curve.
  } else if (fits.length === 1 || rejectedPrefix) {
    keySpec = fits[0] ?? 'ECC_NIST_P256'; // the prefix is rejected before the curve matters
  } else if (fits.length > 1) {
    throw invalid(
      `A raw ${bytes.length}-byte point could be ${names(fits)}; name the curve (the key's KeySpec) to read it.`,
    );
  } else {
    throw invalid(
      `The public key has the wrong point length: ${bytes.length} bytes is not a point length of P-256, P-384, P-521 or secp256k1.`,
    );
  }
  const { point, compressed } = decodeSec1Point(keySpec, bytes);
  return { keySpec, format: 'SEC1_POINT', compressed, point, spki: encodeEcSpki(keySpec, point) };
}

/** Reads a peer public key from its bytes. With `expected`, any other curve is rejected naming both. */
export function readPublicKeyBytes(bytes: Uint8Array, expected?: KeySpec): PublicKeyIntake {
  if (bytes.length === 0) throw invalid('The public key is empty.');
  const text = asText(bytes);

  if (text?.startsWith('-----')) {
    const der = decodePublicKeyText(text).bytes;
    const { keySpec, point, compressed } = parseEcSpki(der, expected);
    return { keySpec, format: 'PEM', compressed, point, spki: encodeEcSpki(keySpec, point) };
  }
  if (text?.startsWith('{')) {
    const { keySpec, point, compressed } = parseEcJwk(text, expected);
    return { keySpec, format: 'JWK', compressed, point, spki: encodeEcSpki(keySpec, point) };
  }
  if (bytes[0] === 0x30) {
    try {
      const { keySpec, point, compressed } = parseEcSpki(bytes, expected);
      return { keySpec, format: 'DER_SPKI', compressed, point, spki: encodeEcSpki(keySpec, point) };
    } catch (e) {
      // "0…" hex text also starts with 0x30; if DER fails and the bytes are text, the text is the story.
      throw doubleEncoded(text) ?? e;
    }
  }
  if ([0x00, 0x02, 0x03, 0x04, 0x06, 0x07].includes(bytes[0]!)) return readRawPoint(bytes, expected);
  const twice = doubleEncoded(text);
  if (twice) throw twice;
  throw invalid(
    `The public key is not a recognised form: ${bytes.length} bytes starting with 0x${bytes[0]!.toString(16).padStart(2, '0')}. Expected DER SubjectPublicKeyInfo (0x30…), a SEC1 point (0x02/0x03/0x04…), PEM text or EC JWK JSON.`,
  );
}
