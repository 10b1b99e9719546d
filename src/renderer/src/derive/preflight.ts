// What the form can tell before anything is sent: what the pasted key was recognised as, and each
// reason the request cannot work (wrong curve, not a public key, a key that is disabled or pending
// deletion). Warnings never block the submit; the service stays the authority and its error is shown.
import type { KeyDetails, InspectPublicKeyResponse } from '../../../shared/responses';
import { CURVES } from '../../../shared/key-spec';
import { formatEpochSeconds } from '../lib/time';
import { base64ToBytes } from '../lib/bytes';
import { TEXT_FORM_LABELS, type Intake } from './intake';
import type { Inspection } from './useInspect';

export type NoteTone = 'hint' | 'ok' | 'warn' | 'busy';
export interface Note {
  tone: NoteTone;
  text: string;
}

const FORMAT_LABELS: Record<InspectPublicKeyResponse['Format'], string> = {
  DER_SPKI: 'DER SubjectPublicKeyInfo',
  PEM: 'PEM SubjectPublicKeyInfo',
  SEC1_POINT: 'raw SEC1 point',
  JWK: 'JWK',
};

export function keyWarning(key: KeyDetails | undefined): Note | null {
  if (!key) return null;
  const name = key.AliasNames[0] ?? key.KeyId;
  if (key.KeyState === 'Disabled') {
    return {
      tone: 'warn',
      text: `${name} is disabled: the service will refuse it (DisabledException). Enable it under Keys.`,
    };
  }
  if (key.KeyState === 'PendingDeletion') {
    const when = formatEpochSeconds(key.DeletionDate);
    return {
      tone: 'warn',
      text: `${name} is pending deletion (${when}): the service will refuse it (KMSInvalidStateException).`,
    };
  }
  if (key.KeyState === 'PendingImport') {
    return {
      tone: 'warn',
      text: `${name} has no key material yet: the service will refuse it (KMSInvalidStateException).`,
    };
  }
  if (key.KeyUsage !== 'DERIVE_SHARED_SECRET') {
    return { tone: 'warn', text: `${name} is a ${key.KeyUsage} key: it cannot derive (InvalidKeyUsageException).` };
  }
  return null;
}

export function publicKeyNotes(intake: Intake | null, inspection: Inspection, key: KeyDetails | undefined): Note[] {
  if (!intake) {
    return [
      {
        tone: 'hint',
        text: 'PEM, base64 DER, hex SEC1 point or JWK. Drop a file here, or open one. Enter derives; Shift+Enter adds a line.',
      },
    ];
  }
  if (intake.problem) return [{ tone: 'warn', text: `Will not work: ${intake.problem.message}` }];
  if (inspection.status !== 'ok' && inspection.status !== 'error') return [{ tone: 'busy', text: 'Checking the key…' }];
  if (inspection.status === 'error') {
    return [{ tone: 'warn', text: `Will not work (${inspection.error.__type}): ${inspection.error.message}` }];
  }
  const { Format, KeySpec, Compressed } = inspection.value;
  const form = intake.textForm ? `${TEXT_FORM_LABELS[intake.textForm]} → ` : '';
  const point = Compressed ? 'compressed point' : 'uncompressed point';
  const notes: Note[] = [
    {
      tone: 'ok',
      text: `Recognised: ${form}${FORMAT_LABELS[Format]} · ${CURVES[KeySpec].displayName} (${KeySpec}) · ${point}`,
    },
  ];
  if (key && key.KeySpec !== KeySpec) {
    notes.push({
      tone: 'warn',
      text: `Wrong curve: this public key is ${CURVES[KeySpec].displayName} but the KMS key is ${CURVES[key.KeySpec].displayName}; the service will refuse it (InvalidPublicKeyException).`,
    });
  }
  return notes;
}

/** DER of rsaEncryption (1.2.840.113549.1.1.1): enough to say "this is an RSA key" before sending. */
const RSA_OID = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];

function containsRsaOid(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 32);
  return head.some((_, i) => RSA_OID.every((b, j) => head[i + j] === b));
}

export function recipientNotes(intake: Intake | null): Note[] {
  if (!intake) {
    return [
      {
        tone: 'hint',
        text: 'An RSA public key (PEM or base64 DER). With it, the secret comes back encrypted to that key.',
      },
    ];
  }
  if (intake.problem) return [{ tone: 'warn', text: `Will not work: ${intake.problem.message}` }];
  if (!containsRsaOid(base64ToBytes(intake.blob))) {
    return [{ tone: 'warn', text: 'Not an RSA SubjectPublicKeyInfo: RecipientInfo must be an RSA public key.' }];
  }
  return [
    {
      tone: 'ok',
      text: `RSA public key, ${intake.byteLength} bytes DER: the response will hold CiphertextForRecipient, not the secret.`,
    },
  ];
}
