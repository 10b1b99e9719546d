// Request schemas of the alias and tag operations.
import { z } from 'zod';
import { aliasName, keyId, limit, marker, tagKey, tags } from './fields';

export const CreateAliasRequest = z.object({ AliasName: aliasName, TargetKeyId: keyId }).strict();
export const UpdateAliasRequest = z.object({ AliasName: aliasName, TargetKeyId: keyId }).strict();
export const DeleteAliasRequest = z.object({ AliasName: aliasName }).strict();
export const ListAliasesRequest = z
  .object({ KeyId: keyId.optional(), Limit: limit.optional(), Marker: marker.optional() })
  .strict();

export const TagResourceRequest = z
  .object({ KeyId: keyId, Tags: tags.min(1, 'Tags must hold at least one tag') })
  .strict();
export const UntagResourceRequest = z
  .object({
    KeyId: keyId,
    TagKeys: z
      .array(tagKey, { error: 'TagKeys must be a list of strings' })
      .min(1, 'TagKeys must hold at least one key')
      .max(50, 'TagKeys may hold at most 50 keys'),
  })
  .strict();
export const ListResourceTagsRequest = z
  .object({ KeyId: keyId, Limit: limit.optional(), Marker: marker.optional() })
  .strict();
