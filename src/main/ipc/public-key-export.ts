// The public-key file formats the save dialog offers: DER (the SPKI bytes), PEM, and JWK. Parses only
// what the core itself produced (an EC SubjectPublicKeyInfo with an uncompressed point), strictly.
import { CURVES, type KeySpec } from '../../shared/key-spec';
import { QkmsError } from '../../shared/errors';
import type { PublicKeyFileFormat } from '../../shared/ipc-contract';
import type { FileFilter } from './dialogs';

export interface PublicKeyFile {
  contents: Uint8Array | string;
  extension: string;
  filter: FileFilter;
}

export function spkiToPem(spki: Uint8Array): string {
  const lines = Buffer.from(spki).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/** One DER TLV at `offset`: its tag, and where its contents start and end. */
function readTlv(der: Uint8Array, offset: number): { tag: number; start: number; end: number } {
  const tag = der[offset];
  let length = der[offset + 1];
  let start = offset + 2;
  if (tag === undefined || length === undefined) throw new Error('truncated DER');
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 2) throw new Error('unsupported DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = (length << 8) | (der[start + i] ?? 0);
    start += count;
  }
  const end = start + length;
  if (end > der.length) throw new Error('truncated DER');
  return { tag, start, end };
}

/** The SEC1 point inside an EC SubjectPublicKeyInfo. */
function spkiPoint(spki: Uint8Array): Uint8Array {
  const outer = readTlv(spki, 0);
  if (outer.tag !== 0x30 || outer.end !== spki.length) throw new Error('not a SEQUENCE');
  const algorithm = readTlv(spki, outer.start);
  if (algorithm.tag !== 0x30) throw new Error('no AlgorithmIdentifier');
  const bits = readTlv(spki, algorithm.end);
  if (bits.tag !== 0x03 || bits.end !== outer.end || spki[bits.start] !== 0) throw new Error('no BIT STRING');
  return spki.subarray(bits.start + 1, bits.end);
}

export function ecSpkiToJwk(spki: Uint8Array, keySpec: KeySpec): { kty: 'EC'; crv: string; x: string; y: string } {
  const { fieldBytes, jwkCrv } = CURVES[keySpec];
  let point: Uint8Array;
  try {
    point = spkiPoint(spki);
  } catch (error) {
    throw new QkmsError('KMSInternalException', `The stored public key is not a valid SPKI (${(error as Error).message}).`);
  }
  if (point.length !== 1 + 2 * fieldBytes || point[0] !== 0x04) {
    throw new QkmsError('KMSInternalException', 'The stored public key is not an uncompressed point of its curve.');
  }
  const coordinate = (from: number) => Buffer.from(point.subarray(from, from + fieldBytes)).toString('base64url');
  return { kty: 'EC', crv: jwkCrv, x: coordinate(1), y: coordinate(1 + fieldBytes) };
}

export function formatPublicKey(spkiBase64: string, keySpec: KeySpec, format: PublicKeyFileFormat): PublicKeyFile {
  const spki = new Uint8Array(Buffer.from(spkiBase64, 'base64'));
  switch (format) {
    case 'DER':
      return { contents: spki, extension: 'der', filter: { name: 'DER public key (SPKI)', extensions: ['der'] } };
    case 'PEM':
      return { contents: spkiToPem(spki), extension: 'pem', filter: { name: 'PEM public key', extensions: ['pem'] } };
    case 'JWK':
      return {
        contents: `${JSON.stringify(ecSpkiToJwk(spki, keySpec), null, 2)}\n`,
        extension: 'jwk',
        filter: { name: 'JSON Web Key', extensions: ['jwk', 'json'] },
      };
  }
}
