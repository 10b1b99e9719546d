// Turns a public key as a person pastes it (PEM, base64, hex or JWK JSON) into bytes for the core's
// public-key intake. Pure TypeScript — the renderer (live feedback in the form) and the CLI both use it,
// so it must not import node:* or a crypto library. It only decodes text; the bytes are judged later by
// the core (strict SPKI / SEC1 / JWK parsing).
import { QkmsError } from './errors';

export type PublicKeyTextForm = 'PEM' | 'BASE64' | 'HEX' | 'JWK';

export interface DecodedPublicKeyText {
  bytes: Uint8Array;
  textForm: PublicKeyTextForm;
}

const invalid = (message: string): QkmsError => new QkmsError('InvalidPublicKeyException', message);

// ---- base64 / base64url / hex ----

const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function encode64(bytes: Uint8Array, alphabet: string, pad: boolean): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [18, 12, 6, 0].map((shift) => alphabet[(n >> shift) & 63]!);
    const keep = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    out += chars.slice(0, keep).join('') + (pad ? '='.repeat(4 - keep) : '');
  }
  return out;
}

/** Decodes unpadded base64 digits; refuses a dangling digit and non-zero leftover bits (non-canonical). */
function decode64(digits: string, alphabet: string): Uint8Array | undefined {
  if (digits.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((digits.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (const ch of digits) {
    const v = alphabet.indexOf(ch);
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  if (bits > 0 && (acc & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}

export const bytesToBase64 = (bytes: Uint8Array): string => encode64(bytes, STD, true);
export const bytesToBase64Url = (bytes: Uint8Array): string => encode64(bytes, URL, false);

/** Strict standard base64: padded to a multiple of 4, no whitespace, canonical. Throws TypeError. */
export function base64ToBytes(text: string): Uint8Array {
  const m = /^([A-Za-z0-9+/]*)(={0,2})$/.exec(text);
  // With the total a multiple of 4, the padding count is implied by the digits; decode64 does the rest.
  const bytes = m && text.length % 4 === 0 ? decode64(m[1]!, STD) : undefined;
  if (!bytes) throw new TypeError('not valid base64');
  return bytes;
}

/** Strict base64url as JWK uses it (RFC 7515 §2): url alphabet, no padding, canonical. Throws TypeError. */
export function base64UrlToBytes(text: string): Uint8Array {
  const bytes = /^[A-Za-z0-9_-]*$/.test(text) ? decode64(text, URL) : undefined;
  if (!bytes) throw new TypeError('not valid base64url');
  return bytes;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Strict hex: even number of digits, nothing else. Throws TypeError. */
export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new TypeError('not valid hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

// ---- PEM ----

export interface PemBlock {
  label: string;
  der: Uint8Array;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;

/**
 * All PEM blocks of a text (RFC 7468; CR, LF or CRLF line ends). Throws a plain TypeError naming the
 * problem; callers wrap it in the error code of their context (public key vs. private key import).
 */
export function readPemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const m of text.matchAll(PEM_BLOCK)) {
    const [, label, body, endLabel] = m as unknown as [string, string, string, string];
    if (label !== endLabel)
      throw new TypeError(`The PEM block starts with "BEGIN ${label}" but ends with "END ${endLabel}".`);
    // Encapsulated headers (RFC 1421 "Proc-Type: 4,ENCRYPTED") mean an encrypted legacy key.
    if (/^[A-Za-z-]+:/m.test(body)) {
      throw new TypeError(
        `The PEM block "${label}" has headers (e.g. Proc-Type: 4,ENCRYPTED): it is an encrypted legacy key.`,
      );
    }
    let der: Uint8Array;
    try {
      der = base64ToBytes(body.replace(/\s+/g, ''));
    } catch {
      throw new TypeError(`The body of the PEM block "${label}" is not valid base64.`);
    }
    blocks.push({ label, der });
  }
  if (blocks.length === 0)
    throw new TypeError('The text starts like PEM ("-----") but has no complete BEGIN/END block.');
  return blocks;
}

/** What a PEM label means, in words a user can act on. */
const PEM_LABEL_HINTS: Readonly<Record<string, string>> = {
  'PRIVATE KEY': 'a PKCS#8 private key; paste the public key only (openssl pkey -in key.pem -pubout)',
  'EC PRIVATE KEY': 'a SEC1 EC private key; paste the public key only (openssl ec -in key.pem -pubout)',
  'ENCRYPTED PRIVATE KEY': 'an encrypted private key; paste the public key only',
  'RSA PRIVATE KEY': 'an RSA private key; an EC public key is needed',
  'RSA PUBLIC KEY': 'a PKCS#1 RSA public key; an EC public key is needed',
  CERTIFICATE: 'an X.509 certificate; extract its key with: openssl x509 -in cert.pem -pubkey -noout',
  'EC PARAMETERS': 'only EC curve parameters, with no key',
};

function decodePem(text: string): Uint8Array {
  let blocks: PemBlock[];
  try {
    blocks = readPemBlocks(text);
  } catch (e) {
    throw invalid((e as Error).message);
  }
  // `openssl ecparam -genkey` style output puts an EC PARAMETERS block first; it carries no key.
  const keys = blocks.filter((b) => b.label !== 'EC PARAMETERS' || blocks.length === 1);
  const publicKeys = keys.filter((b) => b.label === 'PUBLIC KEY');
  if (publicKeys.length === 1 && keys.length === 1) return publicKeys[0]!.der;
  if (keys.length > 1) {
    throw invalid(
      `The text holds ${keys.length} PEM blocks (${keys.map((b) => b.label).join(', ')}); paste one PUBLIC KEY block.`,
    );
  }
  const label = keys[0]!.label;
  const hint = PEM_LABEL_HINTS[label] ?? 'not a public key';
  throw invalid(`The PEM block is "${label}", not "PUBLIC KEY": this is ${hint}.`);
}

// ---- the entry point ----

/**
 * Decodes pasted public-key text to bytes. Order matters: PEM and JWK are recognised by their first
 * character; then a string that is valid hex of even length is hex (the documented ambiguity rule);
 * then base64 (standard or url-safe, whitespace ignored, padding optional).
 */
export function decodePublicKeyText(text: string): DecodedPublicKeyText {
  const trimmed = text.trim();
  if (trimmed === '') throw invalid('The public key is empty.');
  if (trimmed.startsWith('-----')) return { bytes: decodePem(trimmed), textForm: 'PEM' };
  if (trimmed.startsWith('{')) {
    try {
      JSON.parse(trimmed);
    } catch {
      throw invalid('The public key starts with "{" like a JWK but is not valid JSON.');
    }
    // The core's intake parses the JWK; hand it the JSON text itself.
    return { bytes: new TextEncoder().encode(trimmed), textForm: 'JWK' };
  }

  const hexDigits = trimmed.replace(/^0x/i, '').replace(/[\s:]+/g, '');
  if (/^[0-9a-fA-F]+$/.test(hexDigits)) {
    if (hexDigits.length % 2 === 0) return { bytes: hexToBytes(hexDigits), textForm: 'HEX' };
    // All hex digits but odd: a digit was lost in copying; decoding it as base64 would only mislead.
    throw invalid(
      `The public key looks like hex but has an odd number of digits (${hexDigits.length}); a digit is missing.`,
    );
  }

  const compact = trimmed.replace(/\s+/g, '');
  const bad = /[^A-Za-z0-9+/=_-]/.exec(compact);
  if (bad) {
    throw invalid(
      `The public key is not PEM, base64, hex or JWK JSON: it contains the character ${JSON.stringify(bad[0])} at position ${bad.index + 1} (whitespace removed).`,
    );
  }
  const urlSafe = /[-_]/.test(compact);
  if (urlSafe && /[+/]/.test(compact))
    throw invalid('The public key mixes the base64 (+ /) and base64url (- _) alphabets.');
  const padding = /^([^=]*)(=*)$/.exec(compact);
  if (!padding || padding[2]!.length > 2 || (padding[2]!.length > 0 && compact.length % 4 !== 0)) {
    throw invalid('The public key is not valid base64: misplaced "=" padding.');
  }
  const bytes = decode64(padding[1]!, urlSafe ? URL : STD);
  if (!bytes || bytes.length === 0) {
    throw invalid(
      `The public key is not valid base64: ${padding[1]!.length} digits cannot encode whole bytes (a character is missing or extra).`,
    );
  }
  return { bytes, textForm: 'BASE64' };
}
