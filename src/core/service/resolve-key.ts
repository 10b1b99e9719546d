// KeyId accepts a key id, a key ARN, an alias name (alias/...) or an alias ARN — everywhere.
import { QkmsError } from '../../shared/errors';
import type { IndexDocument, KeyRecord } from '../store/types';
import { ARN_PREFIX, type ServiceContext } from './context';

const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The key id that a KeyId parameter names, or a NotFound/InvalidArn error that says what was looked for. */
export function resolveKeyId(ctx: ServiceContext, doc: IndexDocument, keyIdParam: string): string {
  let reference = keyIdParam.trim();
  if (reference.startsWith('arn:')) {
    const ownPrefix = `${ARN_PREFIX}${ctx.accountId}:`;
    if (!reference.startsWith(ownPrefix)) {
      throw new QkmsError(
        'NotFoundException',
        `${keyIdParam} is not an ARN of this workstation's account; expected ${ownPrefix}key/<key id> or ${ownPrefix}alias/<name>`,
      );
    }
    reference = reference.slice(ownPrefix.length);
    if (reference.startsWith('key/')) reference = reference.slice('key/'.length);
    else if (!reference.startsWith('alias/')) {
      throw new QkmsError(
        'InvalidArnException',
        `${keyIdParam} is neither a key ARN (…:key/<id>) nor an alias ARN (…:alias/<name>)`,
      );
    }
  }
  if (reference.startsWith('alias/')) {
    const alias = doc.aliases[reference];
    if (!alias) throw new QkmsError('NotFoundException', `Alias ${reference} does not exist`);
    return alias.targetKeyId;
  }
  // Key ids are lower-case UUIDs; one typed or pasted in upper case names the same key.
  if (KEY_ID.test(reference.toLowerCase())) reference = reference.toLowerCase();
  if (!KEY_ID.test(reference)) {
    throw new QkmsError(
      'NotFoundException',
      `Invalid keyId '${keyIdParam}': give a key id (a UUID), a key ARN, alias/<name> or an alias ARN`,
    );
  }
  return reference;
}

export function findKey(ctx: ServiceContext, doc: IndexDocument, keyIdParam: string): KeyRecord {
  const keyId = resolveKeyId(ctx, doc, keyIdParam);
  const record = doc.keys[keyId];
  if (!record) throw new QkmsError('NotFoundException', `Key ${keyId} does not exist`);
  return record;
}

export const isKeyId = (value: string): boolean => KEY_ID.test(value);
