// Tags as editable key/value rows, for the create form (the details pane edits tags one by one).
import type { Tag } from '../../../shared/responses';

interface Props {
  idPrefix: string;
  tags: Tag[];
  onChange: (tags: Tag[]) => void;
}

export function TagRows({ idPrefix, tags, onChange }: Props) {
  const update = (index: number, tag: Tag) => onChange(tags.map((t, i) => (i === index ? tag : t)));
  return (
    <fieldset className="fieldset">
      <legend className="field-label">
        Tags <span className="field-optional">optional</span>
      </legend>
      {tags.map((tag, i) => (
        <div className="tag-row" key={i}>
          <label className="visually-hidden" htmlFor={`${idPrefix}-tag-key-${i}`}>
            Tag {i + 1} key
          </label>
          <input
            id={`${idPrefix}-tag-key-${i}`}
            className="input"
            placeholder="TagKey"
            value={tag.TagKey}
            onChange={(e) => update(i, { ...tag, TagKey: e.target.value })}
          />
          <label className="visually-hidden" htmlFor={`${idPrefix}-tag-value-${i}`}>
            Tag {i + 1} value
          </label>
          <input
            id={`${idPrefix}-tag-value-${i}`}
            className="input"
            placeholder="TagValue"
            value={tag.TagValue}
            onChange={(e) => update(i, { ...tag, TagValue: e.target.value })}
          />
          <button
            type="button"
            className="button small"
            aria-label={`Remove tag ${i + 1}`}
            onClick={() => onChange(tags.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="button small" onClick={() => onChange([...tags, { TagKey: '', TagValue: '' }])}>
        Add tag
      </button>
    </fieldset>
  );
}
