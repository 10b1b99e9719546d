// The shared text decoder (renderer + CLI): every text form, the ambiguity rule, and specific errors.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  base64UrlToBytes,
  bytesToBase64,
  bytesToBase64Url,
  bytesToHex,
  decodePublicKeyText,
  hexToBytes,
} from '../../../src/shared/public-key-text';
import { expectQkmsError, nodeEcKey } from './helpers';

const key = nodeEcKey('ECC_NIST_P256');
const der = key.spkiDer;
const pem = key.publicKey.export({ format: 'pem', type: 'spki' }) as string;
const reject = (text: string, message: RegExp) =>
  expectQkmsError(() => decodePublicKeyText(text), 'InvalidPublicKeyException', message);

describe('decodePublicKeyText', () => {
  it.each([
    ['PEM with LF', pem, 'PEM'],
    ['PEM with CRLF', pem.replace(/\n/g, '\r\n'), 'PEM'],
    [
      'PEM with surrounding blank lines and an EC PARAMETERS block',
      `\n-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n${pem}\n`,
      'PEM',
    ],
    ['base64', Buffer.from(der).toString('base64'), 'BASE64'],
    [
      'base64 wrapped with whitespace',
      Buffer.from(der)
        .toString('base64')
        .replace(/(.{20})/g, '$1\n  '),
      'BASE64',
    ],
    ['base64 without padding', Buffer.from(der).toString('base64').replace(/=+$/, ''), 'BASE64'],
    ['base64url', Buffer.from(der).toString('base64url'), 'BASE64'],
    ['hex', Buffer.from(der).toString('hex'), 'HEX'],
    ['hex with 0x and upper case', '0x' + Buffer.from(der).toString('hex').toUpperCase(), 'HEX'],
    [
      'hex with colons and newlines',
      Buffer.from(der)
        .toString('hex')
        .replace(/(..)/g, '$1:')
        .replace(/(.{30})/g, '$1\n'),
      'HEX',
    ],
  ])('%s', (_name, text, form) => {
    const decoded = decodePublicKeyText(text);
    expect(decoded.textForm).toBe(form);
    expect(decoded.bytes).toEqual(der);
  });

  it('JWK JSON comes back as its UTF-8 text for the byte intake', () => {
    const jwk = JSON.stringify(key.publicKey.export({ format: 'jwk' }), null, 2);
    const decoded = decodePublicKeyText(`  ${jwk}\n`);
    expect(decoded.textForm).toBe('JWK');
    expect(new TextDecoder().decode(decoded.bytes)).toBe(jwk);
  });

  it('valid even-length hex is hex, even if it is also valid base64', () => {
    expect(decodePublicKeyText('deadbeef')).toEqual({ bytes: Uint8Array.of(0xde, 0xad, 0xbe, 0xef), textForm: 'HEX' });
  });

  it('names other PEM armors', () => {
    reject(
      key.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
      /"PRIVATE KEY", not "PUBLIC KEY": this is a PKCS#8 private key/,
    );
    reject(key.privateKey.export({ format: 'pem', type: 'sec1' }) as string, /"EC PRIVATE KEY".*SEC1 EC private key/);
    reject(pem.replace(/PUBLIC KEY/g, 'RSA PUBLIC KEY'), /"RSA PUBLIC KEY".*PKCS#1 RSA public key/);
    reject(pem.replace(/PUBLIC KEY/g, 'CERTIFICATE'), /X\.509 certificate/);
  });

  it('names broken PEM', () => {
    reject(
      pem.replace('-----END PUBLIC KEY-----', '-----END PRIVATE KEY-----'),
      /BEGIN PUBLIC KEY" but ends with "END PRIVATE KEY"/,
    );
    reject(pem.replace(/\n-----END[\s\S]*/, ''), /no complete BEGIN\/END block/);
    reject(pem.replace('MFkw', 'MF!w'), /not valid base64/);
    reject(pem + pem, /2 PEM blocks/);
  });

  it('names what is wrong with text that is none of the forms', () => {
    reject('', /empty/);
    reject('   \n', /empty/);
    reject('abc', /odd number of digits \(3\)/);
    reject('MFkw EwYH#KoZI', /not PEM, base64, hex or JWK JSON: it contains the character "#" at position 9/);
    reject('{"kty": "EC"', /not valid JSON/);
    reject('MFk+w_Ew', /mixes the base64/);
    reject('MFkwE', /cannot encode whole bytes/);
    reject('MF=kw', /misplaced "=" padding/);
  });
});

describe('encoding helpers', () => {
  it('round-trip base64, base64url and hex against Buffer for many lengths', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = new Uint8Array(randomBytes(n));
      const b64 = Buffer.from(bytes).toString('base64');
      expect(bytesToBase64(bytes)).toBe(b64);
      expect(base64ToBytes(b64)).toEqual(bytes);
      expect(bytesToBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      expect(base64UrlToBytes(bytesToBase64Url(bytes))).toEqual(bytes);
      expect(bytesToHex(bytes)).toBe(Buffer.from(bytes).toString('hex'));
      expect(hexToBytes(bytesToHex(bytes))).toEqual(bytes);
    }
  });

  it('base64ToBytes is strict', () => {
    for (const bad of ['QQ', 'QR==', 'Q===', 'QQ=', 'QQ==QQ==', 'Q Q==', 'QQ-_'])
      expect(() => base64ToBytes(bad), bad).toThrow(TypeError);
    for (const bad of ['QQ==', 'QR', 'a+b/']) expect(() => base64UrlToBytes(bad), bad).toThrow(TypeError);
    expect(() => hexToBytes('abc')).toThrow(TypeError);
  });
});
