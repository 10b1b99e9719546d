// Byte helpers for blobs. JSON 1.1 blobs are standard padded base64; the UI also shows hex, and must
// tell text files (PEM, JWK, pasted base64) from binary ones (DER) when a file is opened or dropped.

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so a large key file cannot overflow the argument list of String.fromCharCode.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Number of bytes a padded base64 string decodes to, without decoding it. */
export function base64Length(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

/**
 * A file's contents as the text a user would have pasted: text files as they are, binary files (DER)
 * as base64. Printable ASCII with line breaks counts as text; anything else is binary.
 */
export function fileBytesToText(bytes: Uint8Array): string {
  const printable = bytes.length > 0 && bytes.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127));
  return printable ? new TextDecoder().decode(bytes).trim() : bytesToBase64(bytes);
}
