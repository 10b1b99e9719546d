// Turns what the user pasted (PEM, base64, hex, JWK) into the wire blob, with decodePublicKeyText from
// the contract, the same decoding the CLI uses. Text that does not decode is still sent as its UTF-8
// bytes if the user insists: the core's intake is the authority and answers with the precise error,
// which the request / response view then shows as it really went over the wire.
import { QkmsError, type WireError } from '../../../shared/errors';
import { decodePublicKeyText, type PublicKeyTextForm } from '../../../shared/public-key-text';
import { bytesToBase64 } from '../lib/bytes';

export interface Intake {
  /** Standard base64 of the bytes to send (the JSON 1.1 blob). */
  blob: string;
  byteLength: number;
  /** How the text was written, when it decoded. */
  textForm?: PublicKeyTextForm;
  /** Why the text cannot be a public key, found before anything is sent. */
  problem?: WireError;
}

export const TEXT_FORM_LABELS: Record<PublicKeyTextForm, string> = {
  PEM: 'PEM text',
  BASE64: 'base64 text',
  HEX: 'hex text',
  JWK: 'JWK JSON',
};

export function intakeText(text: string): Intake | null {
  if (text.trim() === '') return null;
  try {
    const { bytes, textForm } = decodePublicKeyText(text);
    return { blob: bytesToBase64(bytes), byteLength: bytes.length, textForm };
  } catch (error) {
    const raw = new TextEncoder().encode(text.trim());
    const problem: WireError =
      error instanceof QkmsError
        ? error.toWire()
        : { __type: 'InvalidPublicKeyException', message: 'The text is not a public key in any accepted form.' };
    return { blob: bytesToBase64(raw), byteLength: raw.length, problem };
  }
}
