// The key list as an ARIA grid that renders only the rows in view, so it stays fast with thousands of
// keys. Selection follows focus: ↑/↓, Page Up/Down, Home/End move through keys and show their details.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { KeyDetails } from '../../../shared/responses';
import { KeyRow } from './KeyRow';
import { SortHeader } from './SortHeader';
import type { Sort, SortColumn } from './sortFilter';

const ROW_HEIGHT = 44; // must match .key-row in keys.css
const OVERSCAN = 8;

interface Props {
  keys: readonly KeyDetails[];
  selectedId: string | null;
  onSelect: (keyId: string) => void;
  sort: Sort;
  onSort: (column: SortColumn) => void;
}

export function KeyTable({ keys, selectedId, onSelect, sort, onSort }: Props) {
  const body = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const focusPending = useRef(false);
  const selectedIndex = keys.findIndex((k) => k.KeyId === selectedId);
  const active = selectedIndex >= 0 ? selectedIndex : 0;

  useEffect(() => {
    const el = body.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    body.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus();
  });

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(keys.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  // The spacers stand in for the rows not rendered. Their heights are set through the CSSOM, which
  // the CSP allows (style-src governs style attributes and <style>, not element.style), rather than
  // through style={} attributes.
  const above = useRef<HTMLDivElement>(null);
  const below = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (above.current) above.current.style.height = `${first * ROW_HEIGHT}px`;
    if (below.current) below.current.style.height = `${(keys.length - last) * ROW_HEIGHT}px`;
  }, [first, last, keys.length]);

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(keys.length - 1, index));
    const el = body.current;
    if (el) {
      // Scroll just enough to bring the row into view, then focus it once it is rendered.
      const top = target * ROW_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
      setScrollTop(el.scrollTop);
    }
    focusPending.current = true;
    if (keys[target]) onSelect(keys[target].KeyId);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Move from the row that has focus (it may not be the selected one, e.g. after a click elsewhere).
    const focused = (event.target as HTMLElement).closest('[data-index]')?.getAttribute('data-index');
    const from = focused === null || focused === undefined ? active : Number(focused);
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from - 1,
      PageDown: from + page,
      PageUp: from - page,
      Home: 0,
      End: keys.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    moveTo(moves[event.key]!);
  };

  return (
    <div
      className="key-table"
      role="grid"
      aria-label="Keys"
      aria-rowcount={keys.length + 1}
      aria-colcount={5}
      data-testid="key-table"
    >
      <div className="key-row key-head" role="row" aria-rowindex={1}>
        <SortHeader column="name" label="Alias / key id" sort={sort} onSort={onSort} />
        <SortHeader column="state" label="State" sort={sort} onSort={onSort} />
        <SortHeader column="spec" label="Spec" sort={sort} onSort={onSort} />
        <SortHeader column="usage" label="Usage" sort={sort} onSort={onSort} />
        <SortHeader column="created" label="Created" sort={sort} onSort={onSort} />
      </div>
      <div
        ref={body}
        className="key-body"
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
      >
        <div ref={above} aria-hidden="true" />
        {keys.slice(first, last).map((k, offset) => (
          <KeyRow
            key={k.KeyId}
            details={k}
            index={first + offset}
            selected={k.KeyId === selectedId}
            tabbable={first + offset === active}
            onPick={moveTo}
          />
        ))}
        <div ref={below} aria-hidden="true" />
      </div>
    </div>
  );
}
