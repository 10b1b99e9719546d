// TagResource, UntagResource and ListResourceTags.
import type { ValidRequests } from '../../shared/operations';
import type { EmptyResponse, ListResourceTagsResponse } from '../../shared/responses';
import type { ServiceContext } from './context';
import { refuseIfPendingDeletion } from './key-state-rules';
import { pageOf } from './paging';
import { findKey } from './resolve-key';
import { mergeTags } from './tag-rules';

export async function tagResource(ctx: ServiceContext, req: ValidRequests['TagResource']): Promise<EmptyResponse> {
  await ctx.store.update((doc) => {
    const record = findKey(ctx, doc, req.KeyId);
    refuseIfPendingDeletion(record, 'TagResource');
    record.tags = mergeTags(record.tags, req.Tags);
  });
  return {};
}

export async function untagResource(ctx: ServiceContext, req: ValidRequests['UntagResource']): Promise<EmptyResponse> {
  await ctx.store.update((doc) => {
    const record = findKey(ctx, doc, req.KeyId);
    refuseIfPendingDeletion(record, 'UntagResource');
    const removed = new Set(req.TagKeys);
    record.tags = record.tags.filter((tag) => !removed.has(tag.TagKey));
  });
  return {};
}

export async function listResourceTags(
  ctx: ServiceContext,
  req: ValidRequests['ListResourceTags'],
): Promise<ListResourceTagsResponse> {
  const record = findKey(ctx, await ctx.store.read(), req.KeyId);
  const page = pageOf(
    `ListResourceTags ${record.keyId}`,
    record.tags,
    (tag) => tag.TagKey,
    req.Limit ?? 50,
    req.Marker,
  );
  return { Tags: page.items, Truncated: page.Truncated, ...(page.NextMarker && { NextMarker: page.NextMarker }) };
}
