// A minimal, strict DER reader and the few writers QKMS needs. Strict on purpose: peer keys are
// attacker-controlled, and every laxity (indefinite lengths, padded lengths, trailing bytes) is a way
// for two parsers to disagree about what a key is. Errors are DerError values with a kind, so callers
// can turn them into messages that name the problem ("truncated", "trailing bytes", ...).

export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  SEQUENCE: 0x30,
  CONTEXT_0: 0xa0,
  CONTEXT_1: 0xa1,
} as const;

export type DerErrorKind = 'truncated' | 'trailing' | 'indefinite' | 'nonMinimal' | 'unsupported' | 'content';

export class DerError extends Error {
  constructor(
    readonly kind: DerErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DerError';
  }
}

/** One tag-length-value element; `content` is a view into the input, not a copy. */
export interface DerNode {
  tag: number;
  /** Offset of the tag byte in the buffer the node was read from. */
  offset: number;
  content: Uint8Array;
  /** Offset just past the element. */
  end: number;
}

/** Reads one element at `offset`. Lengths above 4 length bytes are refused: no key is that big. */
export function readTlv(buf: Uint8Array, offset: number): DerNode {
  if (offset >= buf.length)
    throw new DerError('truncated', `expected an element at byte ${offset} but the data ends there`);
  const tag = buf[offset]!;
  // Multi-byte tags (low bits 11111) never occur in the structures we read.
  if ((tag & 0x1f) === 0x1f) throw new DerError('unsupported', `multi-byte tag at byte ${offset}`);
  if (offset + 1 >= buf.length) throw new DerError('truncated', `the element at byte ${offset} has no length byte`);
  const first = buf[offset + 1]!;
  let length: number;
  let headerLength: number;
  if (first < 0x80) {
    length = first;
    headerLength = 2;
  } else if (first === 0x80) {
    throw new DerError('indefinite', `indefinite length at byte ${offset + 1} (DER requires definite lengths)`);
  } else {
    const count = first & 0x7f;
    if (count > 4) throw new DerError('unsupported', `a ${count}-byte length field at byte ${offset + 1} is too large`);
    if (offset + 2 + count > buf.length) {
      throw new DerError('truncated', `the length field at byte ${offset + 1} is cut off`);
    }
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buf[offset + 2 + i]!;
    // DER: the shortest form only — no leading zero length byte, no long form for lengths < 128.
    if (buf[offset + 2] === 0 || length < 0x80) {
      throw new DerError('nonMinimal', `the length at byte ${offset + 1} is not minimally encoded`);
    }
    headerLength = 2 + count;
  }
  const start = offset + headerLength;
  const end = start + length;
  if (end > buf.length) {
    throw new DerError(
      'truncated',
      `the element at byte ${offset} declares ${length} bytes but only ${buf.length - start} follow (DER length exceeds the data)`,
    );
  }
  return { tag, offset, content: buf.subarray(start, end), end };
}

/** The buffer must be exactly one element: nothing missing, nothing after it. */
export function readSingle(buf: Uint8Array): DerNode {
  const node = readTlv(buf, 0);
  if (node.end !== buf.length) {
    throw new DerError('trailing', `${buf.length - node.end} byte(s) follow the end of the DER element`);
  }
  return node;
}

/** The elements inside a constructed node, which must fill its content exactly. */
export function readChildren(node: DerNode): DerNode[] {
  if ((node.tag & 0x20) === 0) throw new DerError('content', `tag 0x${hex2(node.tag)} is not a constructed element`);
  const children: DerNode[] = [];
  let offset = 0;
  while (offset < node.content.length) {
    const child = readTlv(node.content, offset);
    children.push(child);
    offset = child.end;
  }
  return children;
}

/** Dotted form of an OBJECT IDENTIFIER's content, refusing non-minimal arcs. */
export function decodeOid(content: Uint8Array): string {
  if (content.length === 0) throw new DerError('content', 'empty OBJECT IDENTIFIER');
  const arcs: bigint[] = [];
  let value = 0n;
  let fresh = true;
  for (const byte of content) {
    if (fresh && byte === 0x80) throw new DerError('nonMinimal', 'OBJECT IDENTIFIER arc with a leading 0x80 byte');
    value = (value << 7n) | BigInt(byte & 0x7f);
    fresh = (byte & 0x80) === 0;
    if (fresh) {
      arcs.push(value);
      value = 0n;
    }
  }
  if (!fresh) throw new DerError('truncated', 'OBJECT IDENTIFIER ends inside an arc');
  const head = arcs[0]!;
  const first = head < 40n ? 0n : head < 80n ? 1n : 2n;
  return [first, head - first * 40n, ...arcs.slice(1)].join('.');
}

/** The bytes of a BIT STRING with no unused bits (every key encoding QKMS reads is byte-aligned). */
export function readBitStringBytes(node: DerNode): Uint8Array {
  if (node.tag !== TAG.BIT_STRING)
    throw new DerError('content', `expected a BIT STRING, found tag 0x${hex2(node.tag)}`);
  if (node.content.length === 0) throw new DerError('content', 'BIT STRING without its unused-bits byte');
  const unused = node.content[0]!;
  if (unused !== 0) throw new DerError('content', `BIT STRING has ${unused} unused bit(s); a key must have 0`);
  return node.content.subarray(1);
}

/** A non-negative INTEGER as big-endian magnitude bytes (no sign byte), refusing non-minimal forms. */
export function readUnsignedInteger(node: DerNode): Uint8Array {
  if (node.tag !== TAG.INTEGER) throw new DerError('content', `expected an INTEGER, found tag 0x${hex2(node.tag)}`);
  const c = node.content;
  if (c.length === 0) throw new DerError('content', 'empty INTEGER');
  if (c[0]! & 0x80) throw new DerError('content', 'negative INTEGER');
  if (c.length > 1 && c[0] === 0 && (c[1]! & 0x80) === 0)
    throw new DerError('nonMinimal', 'INTEGER with a needless leading zero');
  return c[0] === 0 && c.length > 1 ? c.subarray(1) : c;
}

/** A small non-negative INTEGER (version fields), or undefined when it is not one. */
export function readSmallInteger(node: DerNode): number | undefined {
  if (node.tag !== TAG.INTEGER || node.content.length === 0 || node.content.length > 4) return undefined;
  const bytes = readUnsignedInteger(node);
  return bytes.reduce((acc, b) => acc * 256 + b, 0);
}

// ---- writers ----

export function encodeTlv(tag: number, content: Uint8Array): Uint8Array {
  const n = content.length;
  const lengthBytes: number[] = [];
  if (n < 0x80) {
    lengthBytes.push(n);
  } else {
    const digits: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) digits.unshift(v % 256);
    lengthBytes.push(0x80 | digits.length, ...digits);
  }
  const out = new Uint8Array(1 + lengthBytes.length + n);
  out[0] = tag;
  out.set(lengthBytes, 1);
  out.set(content, 1 + lengthBytes.length);
  return out;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export const encodeSequence = (...parts: Uint8Array[]): Uint8Array => encodeTlv(TAG.SEQUENCE, concatBytes(...parts));
export const encodeOctetString = (bytes: Uint8Array): Uint8Array => encodeTlv(TAG.OCTET_STRING, bytes);
export const encodeBitString = (bytes: Uint8Array): Uint8Array =>
  encodeTlv(TAG.BIT_STRING, concatBytes(Uint8Array.of(0), bytes));
export const encodeSmallInteger = (value: number): Uint8Array => {
  if (!Number.isInteger(value) || value < 0 || value > 127) throw new RangeError('encodeSmallInteger takes 0..127');
  return encodeTlv(TAG.INTEGER, Uint8Array.of(value));
};

export function encodeOid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((a) => BigInt(a));
  if (arcs.length < 2) throw new RangeError(`OID needs two arcs: ${dotted}`);
  const values = [arcs[0]! * 40n + arcs[1]!, ...arcs.slice(2)];
  const bytes: number[] = [];
  for (const value of values) {
    const group: number[] = [Number(value & 0x7fn)];
    for (let v = value >> 7n; v > 0n; v >>= 7n) group.unshift(Number(v & 0x7fn) | 0x80);
    bytes.push(...group);
  }
  return encodeTlv(TAG.OID, Uint8Array.from(bytes));
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}
