// SHA-256 fingerprint of a public key's DER SubjectPublicKeyInfo, the form `openssl pkey -pubin
// -outform DER | openssl dgst -sha256` prints, so a fingerprint can be compared over the phone.
import { base64ToBytes, bytesToHex } from './bytes';

export async function spkiFingerprint(spkiBase64: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', base64ToBytes(spkiBase64) as Uint8Array<ArrayBuffer>);
  return bytesToHex(new Uint8Array(digest)).match(/../g)!.join(':');
}
