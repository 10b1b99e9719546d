// Rules tags must follow, beyond the field lengths the schema checks.
import { QkmsError } from '../../shared/errors';
import type { Tag } from '../store/types';

export const MAX_TAGS_PER_KEY = 50;

/** Refuses reserved and repeated tag keys in one request; returns the tags unchanged. */
export function checkTags(tags: readonly Tag[]): Tag[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    if (tag.TagKey.toLowerCase().startsWith('aws:')) {
      throw new QkmsError('TagException', `TagKey '${tag.TagKey}' is reserved: tag keys may not begin with aws:`);
    }
    if (seen.has(tag.TagKey)) throw new QkmsError('TagException', `TagKey '${tag.TagKey}' appears more than once`);
    seen.add(tag.TagKey);
  }
  return tags.map((tag) => ({ TagKey: tag.TagKey, TagValue: tag.TagValue }));
}

/** Merges new tags over existing ones (same key → new value), keeping the per-key limit. */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const merged = new Map(existing.map((tag) => [tag.TagKey, tag.TagValue]));
  for (const tag of checkTags(added)) merged.set(tag.TagKey, tag.TagValue);
  if (merged.size > MAX_TAGS_PER_KEY) {
    throw new QkmsError(
      'TagException',
      `A key may carry at most ${MAX_TAGS_PER_KEY} tags; this would make ${merged.size}`,
    );
  }
  return [...merged].map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
}
