// The in-memory state of AWS's wrapped import flow: for each import token handed out by
// GetParametersForImport, the RSA wrapping private key, the key and algorithm it is bound to, and its
// expiry. Kept only in this process's memory (never on disk, never in the keychain): a restart
// invalidates every outstanding token, which is what a one-day, one-time token is for anyway.
import { randomBytes, type KeyObject } from 'node:crypto';
import { QkmsError } from '../../shared/errors';
import type { WRAPPING_ALGORITHMS } from '../../shared/requests/derive-requests';

export type WrappingAlgorithm = (typeof WRAPPING_ALGORITHMS)[number];

/** AWS's validity period of import parameters. */
export const IMPORT_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Outstanding tokens kept at most; the oldest is dropped first, so memory stays bounded under abuse. */
export const MAX_IMPORT_TOKENS = 64;
/** Token bytes: random, so a token cannot be guessed or forged; it is only a lookup handle. */
const TOKEN_BYTES = 32;
/** An expired ticket is kept this long, so its use is told "expired" rather than "unknown". */
const EXPIRED_GRACE_MS = 60 * 60 * 1000;

export interface ImportTicket {
  keyId: string;
  algorithm: WrappingAlgorithm;
  /** The RSA wrapping private key. Key material: never log it, never serialise it. */
  wrappingKey: KeyObject;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface ImportTokenState {
  /** Registers a ticket and returns its token (base64, as the wire carries it). */
  issue(ticket: ImportTicket, now: number): string;
  /**
   * Takes the ticket of `token` for `keyId` out of the state: a token is good for one attempt only.
   * Throws InvalidImportTokenException (unknown, or bound to another key) or ExpiredImportTokenException.
   */
  redeem(token: string, keyId: string, now: number): ImportTicket;
  /** How many tokens are outstanding (for tests). */
  readonly size: number;
}

export function createImportTokenState(): ImportTokenState {
  // Insertion-ordered, so the first entry is the oldest.
  const tickets = new Map<string, ImportTicket>();

  const sweep = (now: number): void => {
    for (const [token, ticket] of tickets) if (ticket.expiresAt + EXPIRED_GRACE_MS <= now) tickets.delete(token);
  };

  return {
    issue(ticket, now) {
      sweep(now);
      while (tickets.size >= MAX_IMPORT_TOKENS) {
        const oldest = tickets.keys().next().value;
        if (oldest === undefined) break;
        tickets.delete(oldest);
      }
      const token = randomBytes(TOKEN_BYTES).toString('base64');
      tickets.set(token, ticket);
      return token;
    },
    redeem(token, keyId, now) {
      const ticket = tickets.get(token);
      if (!ticket) {
        throw new QkmsError(
          'InvalidImportTokenException',
          'The import token is not one this endpoint issued, or it was already used (tokens are one-time and do not survive a restart); call GetParametersForImport again',
        );
      }
      if (ticket.keyId !== keyId) {
        // Not consumed: the token still belongs to its own key.
        throw new QkmsError(
          'InvalidImportTokenException',
          `The import token was issued for another key, not for ${keyId}`,
        );
      }
      tickets.delete(token);
      if (ticket.expiresAt <= now) {
        throw new QkmsError(
          'ExpiredImportTokenException',
          `The import token expired at ${new Date(ticket.expiresAt).toISOString()}; call GetParametersForImport again`,
        );
      }
      return ticket;
    },
    get size() {
      return tickets.size;
    },
  };
}
