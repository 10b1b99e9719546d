// Other renderings of a stored public key for the GUI's key details and the CLI: PEM and JWK. Pure (no
// node:*, no crypto library) because the renderer uses it. It only handles the canonical SPKI the core
// produces (named curve, uncompressed point): that SPKI is a fixed prefix for each curve followed by
// the point, so we compare against the prefix rather than parse DER a second time here.
import { CURVES, type KeySpec } from './key-spec';
import { bytesToBase64, bytesToBase64Url } from './public-key-text';

export interface EcPublicJwk {
  kty: 'EC';
  crv: string;
  x: string;
  y: string;
}

/** PEM armor around DER, 64-column lines, LF line ends, trailing newline (RFC 7468 §2). */
export function derToPem(der: Uint8Array, label: string): string {
  const body = bytesToBase64(der).match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...body, `-----END ${label}-----`, ''].join('\n');
}

export function spkiToPem(der: Uint8Array): string {
  return derToPem(der, 'PUBLIC KEY');
}

function oidContent(dotted: string): number[] {
  const arcs = dotted.split('.').map(Number);
  const values = [arcs[0]! * 40 + arcs[1]!, ...arcs.slice(2)];
  const out: number[] = [];
  for (const value of values) {
    const group = [value & 0x7f];
    for (let v = Math.floor(value / 128); v > 0; v = Math.floor(v / 128)) group.unshift((v & 0x7f) | 0x80);
    out.push(...group);
  }
  return out;
}

function tlv(tag: number, content: number[]): number[] {
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return [tag, ...length, ...content];
}

/** The bytes of a canonical EC SPKI of `keySpec` that come before the 0x04 point (built, not hard-coded). */
export function ecSpkiPrefix(keySpec: KeySpec): Uint8Array {
  const pointLength = 1 + 2 * CURVES[keySpec].fieldBytes;
  const algorithm = tlv(0x30, [
    ...tlv(0x06, oidContent('1.2.840.10045.2.1')),
    ...tlv(0x06, oidContent(CURVES[keySpec].oid)),
  ]);
  const bitString = tlv(0x03, new Array<number>(1 + pointLength).fill(0));
  const whole = tlv(0x30, [...algorithm, ...bitString]);
  return Uint8Array.from(whole.slice(0, whole.length - pointLength));
}

/** The uncompressed point of a canonical EC SPKI; throws TypeError for anything else. */
export function ecSpkiPoint(der: Uint8Array, keySpec: KeySpec): Uint8Array {
  const prefix = ecSpkiPrefix(keySpec);
  const pointLength = 1 + 2 * CURVES[keySpec].fieldBytes;
  const matches =
    der.length === prefix.length + pointLength && prefix.every((b, i) => der[i] === b) && der[prefix.length] === 0x04;
  if (!matches)
    throw new TypeError(
      `not a canonical ${CURVES[keySpec].displayName} SubjectPublicKeyInfo with an uncompressed point`,
    );
  return der.subarray(prefix.length);
}

/** The JWK (RFC 7518 §6.2.1) of a canonical EC SPKI: full-length coordinates, base64url, no padding. */
export function ecSpkiToJwk(der: Uint8Array, keySpec: KeySpec): EcPublicJwk {
  const point = ecSpkiPoint(der, keySpec);
  const n = CURVES[keySpec].fieldBytes;
  return {
    kty: 'EC',
    crv: CURVES[keySpec].jwkCrv,
    x: bytesToBase64Url(point.subarray(1, 1 + n)),
    y: bytesToBase64Url(point.subarray(1 + n)),
  };
}
