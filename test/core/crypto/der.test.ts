import { describe, expect, it } from 'vitest';
import {
  DerError,
  decodeOid,
  encodeOctetString,
  encodeOid,
  readChildren,
  readSingle,
  readTlv,
  readUnsignedInteger,
} from '../../../src/core/crypto/der';

const kindOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof DerError ? e.kind : 'other';
  }
  return undefined;
};

describe('strict DER reader', () => {
  it('reads short and long definite lengths', () => {
    const long = encodeOctetString(new Uint8Array(300));
    expect(Array.from(long.subarray(0, 4))).toEqual([0x04, 0x82, 0x01, 0x2c]);
    expect(readSingle(long).content.length).toBe(300);
    expect(readSingle(Uint8Array.of(0x04, 0x81, 0x80, ...new Uint8Array(128))).content.length).toBe(128);
  });

  it('refuses indefinite lengths, non-minimal lengths and oversized length fields', () => {
    expect(kindOf(() => readTlv(Uint8Array.of(0x30, 0x80, 0, 0), 0))).toBe('indefinite');
    expect(kindOf(() => readTlv(Uint8Array.of(0x04, 0x81, 0x01, 0xaa), 0))).toBe('nonMinimal');
    expect(kindOf(() => readTlv(Uint8Array.of(0x04, 0x82, 0x00, 0x81, ...new Uint8Array(129)), 0))).toBe('nonMinimal');
    expect(kindOf(() => readTlv(Uint8Array.of(0x04, 0x85, 1, 0, 0, 0, 0), 0))).toBe('unsupported');
  });

  it('says "truncated" when a length exceeds the data, and "trailing" for extra bytes', () => {
    expect(kindOf(() => readSingle(Uint8Array.of(0x30, 0x05, 0x02, 0x01)))).toBe('truncated');
    expect(kindOf(() => readSingle(Uint8Array.of(0x30)))).toBe('truncated');
    expect(kindOf(() => readSingle(Uint8Array.of(0x30, 0x82, 0x01)))).toBe('truncated');
    expect(kindOf(() => readSingle(Uint8Array.of(0x05, 0x00, 0x00)))).toBe('trailing');
  });

  it('requires children to fill their parent exactly', () => {
    expect(kindOf(() => readChildren(readSingle(Uint8Array.of(0x30, 0x03, 0x02, 0x02, 0x01))))).toBe('truncated');
  });

  it('round-trips OIDs, including large arcs, and refuses padded arcs', () => {
    for (const oid of ['1.2.840.10045.2.1', '1.3.132.0.35', '2.999.1', '1.3.36.3.3.2.8.1.1.7']) {
      expect(decodeOid(readSingle(encodeOid(oid)).content)).toBe(oid);
    }
    expect(kindOf(() => decodeOid(Uint8Array.of(0x2a, 0x80, 0x01)))).toBe('nonMinimal');
    expect(kindOf(() => decodeOid(Uint8Array.of(0x2a, 0x86)))).toBe('truncated');
  });

  it('reads unsigned INTEGERs strictly', () => {
    expect(Array.from(readUnsignedInteger(readSingle(Uint8Array.of(0x02, 0x02, 0x00, 0x80))))).toEqual([0x80]);
    expect(kindOf(() => readUnsignedInteger(readSingle(Uint8Array.of(0x02, 0x02, 0x00, 0x01))))).toBe('nonMinimal');
    expect(kindOf(() => readUnsignedInteger(readSingle(Uint8Array.of(0x02, 0x01, 0x80))))).toBe('content');
  });
});
