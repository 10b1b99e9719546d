// A sortable column header: a button inside a columnheader, with aria-sort telling screen readers
// which column orders the list and which way.
import type { Sort, SortColumn } from './sortFilter';

interface Props {
  column: SortColumn;
  label: string;
  sort: Sort;
  onSort: (column: SortColumn) => void;
}

export function SortHeader({ column, label, sort, onSort }: Props) {
  const active = sort.column === column;
  const direction = active ? (sort.descending ? 'descending' : 'ascending') : 'none';
  return (
    <div role="columnheader" aria-sort={direction} className="key-head-cell">
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        <span className="sort-mark" aria-hidden="true">
          {active ? (sort.descending ? '▼' : '▲') : ''}
        </span>
      </button>
    </div>
  );
}
