// The key's tags (ListResourceTags), each removable (UntagResource), plus a row to add or overwrite
// one (TagResource). Tags are not in the list's KeyDetails, so they are fetched for the open key only.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Tag } from '../../../shared/responses';
import { useApi } from '../api/ApiContext';
import { settle } from '../api/client';
import type { useAction } from './useAction';

interface Props {
  keyId: string;
  action: ReturnType<typeof useAction>;
}

export function TagEditor({ keyId, action }: Props) {
  const api = useApi();
  const [tags, setTags] = useState<Tag[] | null>(null);
  const [draft, setDraft] = useState<Tag>({ TagKey: '', TagValue: '' });

  const load = useCallback(async () => {
    const result = await settle(() => api.listResourceTags({ KeyId: keyId }));
    setTags(result.ok ? result.value.Tags : []);
  }, [api, keyId]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- fetching the open key's tags
    void load();
  }, [load]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.TagKey.trim()) return;
    const done = await action.run('TagResource', () => api.tagResource({ KeyId: keyId, Tags: [draft] }));
    if (done) setDraft({ TagKey: '', TagValue: '' });
    await load();
  };

  const remove = async (tagKey: string) => {
    await action.run('UntagResource', () => api.untagResource({ KeyId: keyId, TagKeys: [tagKey] }));
    await load();
  };

  return (
    <section className="subsection" aria-labelledby="tags-title">
      <h3 id="tags-title" className="subsection-title">
        Tags
      </h3>
      {tags?.length === 0 && <p className="muted">No tags.</p>}
      <ul className="chip-list">
        {tags?.map((t) => (
          <li key={t.TagKey} className="chip">
            <span className="chip-key">{t.TagKey}</span>
            <span className="chip-value">{t.TagValue || <span className="muted">(empty)</span>}</span>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove tag ${t.TagKey}`}
              title={`Remove tag ${t.TagKey}`}
              disabled={action.running !== null}
              onClick={() => void remove(t.TagKey)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={(e) => void add(e)}>
        <label htmlFor="tag-key" className="visually-hidden">
          Tag key
        </label>
        <input
          id="tag-key"
          className="input"
          placeholder="TagKey"
          value={draft.TagKey}
          onChange={(e) => setDraft({ ...draft, TagKey: e.target.value })}
        />
        <label htmlFor="tag-value" className="visually-hidden">
          Tag value
        </label>
        <input
          id="tag-value"
          className="input"
          placeholder="TagValue"
          value={draft.TagValue}
          onChange={(e) => setDraft({ ...draft, TagValue: e.target.value })}
        />
        <button type="submit" className="button small" disabled={!draft.TagKey.trim() || action.running !== null}>
          Add tag
        </button>
      </form>
    </section>
  );
}
