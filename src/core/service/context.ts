// What every operation handler gets: the store, the account, the clock, and the ARN form.
import type { KeyStore } from '../store/types';
import type { ImportTokenState } from './import-tokens';

export interface ServiceContext {
  store: KeyStore;
  /** The 12-digit account id that ARNs carry (QKMS_ACCOUNT_ID). */
  accountId: string;
  /** Epoch milliseconds; injectable so deletion dates can be tested without waiting. */
  now: () => number;
  /** Outstanding import tokens of the wrapped import flow (in memory only; see wrapped-import.ts). */
  importTokens?: ImportTokenState;
}

/** ARN form of the spec page: `arn:verenc:<account>:key/<id>` and `arn:verenc:<account>:alias/<name>`. */
export const ARN_PREFIX = 'arn:verenc:';

export function keyArn(ctx: ServiceContext, keyId: string): string {
  return `${ARN_PREFIX}${ctx.accountId}:key/${keyId}`;
}

export function aliasArn(ctx: ServiceContext, aliasName: string): string {
  return `${ARN_PREFIX}${ctx.accountId}:${aliasName}`;
}

export const toEpochSeconds = (ms: number): number => ms / 1000;
