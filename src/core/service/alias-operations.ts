// CreateAlias, UpdateAlias, DeleteAlias and ListAliases.
import { QkmsError } from '../../shared/errors';
import type { ValidRequests } from '../../shared/operations';
import type { EmptyResponse, ListAliasesResponse } from '../../shared/responses';
import type { IndexDocument, KeyRecord } from '../store/types';
import { aliasArn, toEpochSeconds, type ServiceContext } from './context';
import { pageOf } from './paging';
import { refuseIfPendingDeletion } from './key-state-rules';
import { findKey } from './resolve-key';

const ALIAS_NAME = /^alias\/[a-zA-Z0-9/_-]+$/;

function checkAliasName(name: string): void {
  if (!ALIAS_NAME.test(name)) {
    throw new QkmsError(
      'InvalidAliasNameException',
      `Alias name '${name}' is not valid: it must begin with alias/ followed by letters, digits, /, _ or -`,
    );
  }
  // AWS reserves alias/aws/ in any case (alias/AWS/x is refused too), as it does tag keys beginning aws:.
  if (name.toLowerCase().startsWith('alias/aws/')) {
    throw new QkmsError(
      'InvalidAliasNameException',
      `Alias name '${name}' is reserved: alias/aws/ names belong to AWS`,
    );
  }
}

/** An alias points at a key, never at another alias. */
function targetKey(ctx: ServiceContext, doc: IndexDocument, targetKeyId: string, operation: string): KeyRecord {
  if (targetKeyId.startsWith('alias/') || /^arn:[^:]+:[^:]+:alias\//.test(targetKeyId)) {
    throw new QkmsError(
      'ValidationException',
      `TargetKeyId must be a key id or key ARN, not an alias (${targetKeyId})`,
    );
  }
  const record = findKey(ctx, doc, targetKeyId);
  refuseIfPendingDeletion(record, operation);
  return record;
}

export async function createAlias(ctx: ServiceContext, req: ValidRequests['CreateAlias']): Promise<EmptyResponse> {
  checkAliasName(req.AliasName);
  await ctx.store.update((doc) => {
    if (doc.aliases[req.AliasName])
      throw new QkmsError('AlreadyExistsException', `Alias ${req.AliasName} already exists`);
    const record = targetKey(ctx, doc, req.TargetKeyId, 'CreateAlias');
    const now = ctx.now();
    doc.aliases[req.AliasName] = {
      aliasName: req.AliasName,
      targetKeyId: record.keyId,
      creationDate: now,
      lastUpdatedDate: now,
    };
  });
  return {};
}

export async function updateAlias(ctx: ServiceContext, req: ValidRequests['UpdateAlias']): Promise<EmptyResponse> {
  checkAliasName(req.AliasName);
  await ctx.store.update((doc) => {
    const alias = doc.aliases[req.AliasName];
    if (!alias) throw new QkmsError('NotFoundException', `Alias ${req.AliasName} does not exist`);
    const record = targetKey(ctx, doc, req.TargetKeyId, 'UpdateAlias');
    const current = doc.keys[alias.targetKeyId];
    // As in AWS KMS: an alias may move only to a key of the same type and usage, so code using it keeps working.
    if (current && (current.keySpec !== record.keySpec || current.keyUsage !== record.keyUsage)) {
      throw new QkmsError(
        'ValidationException',
        `Alias ${req.AliasName} points at a ${current.keySpec} ${current.keyUsage} key; it cannot move to a ${record.keySpec} ${record.keyUsage} key`,
      );
    }
    alias.targetKeyId = record.keyId;
    alias.lastUpdatedDate = ctx.now();
  });
  return {};
}

export async function deleteAlias(ctx: ServiceContext, req: ValidRequests['DeleteAlias']): Promise<EmptyResponse> {
  checkAliasName(req.AliasName);
  await ctx.store.update((doc) => {
    if (!doc.aliases[req.AliasName]) throw new QkmsError('NotFoundException', `Alias ${req.AliasName} does not exist`);
    delete doc.aliases[req.AliasName];
  });
  return {};
}

export async function listAliases(
  ctx: ServiceContext,
  req: ValidRequests['ListAliases'],
): Promise<ListAliasesResponse> {
  const doc = await ctx.store.read();
  const keyId = req.KeyId === undefined ? undefined : findKey(ctx, doc, req.KeyId).keyId;
  const aliases = Object.values(doc.aliases).filter((alias) => keyId === undefined || alias.targetKeyId === keyId);
  const listing = keyId === undefined ? 'ListAliases' : `ListAliases ${keyId}`;
  const page = pageOf(listing, aliases, (alias) => alias.aliasName, req.Limit, req.Marker);
  return {
    Aliases: page.items.map((alias) => ({
      AliasName: alias.aliasName,
      AliasArn: aliasArn(ctx, alias.aliasName),
      TargetKeyId: alias.targetKeyId,
      CreationDate: toEpochSeconds(alias.creationDate),
      LastUpdatedDate: toEpochSeconds(alias.lastUpdatedDate),
    })),
    Truncated: page.Truncated,
    ...(page.NextMarker && { NextMarker: page.NextMarker }),
  };
}
