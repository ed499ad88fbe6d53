import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type Row } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { SpacerRow, useVirtualRows, VIRTUAL_FROM } from './virtual';

export interface DataTableHandle {
  /** Scrolls to a loaded row and gives it the focus. */
  focusRow(index: number): void;
}

export interface DataTableProps<T> {
  data: T[];
  columns: ColumnDef<T, unknown>[];
  onOpen?: (row: T) => void;
  caption?: string;
  empty: string;
  rowLabel?: (row: T) => string;
  /** A stable key per row (else its index). */
  rowKey?: (row: T) => string;
  /** The row element's id (for links to a row). */
  rowElementId?: (row: T) => string;
  rowClass?: (row: T) => string | undefined;
  /** Classes of a column's header and cells by the column's id (e.g. "num" for amounts). */
  columnClass?: Partial<Record<string, string>>;
  /** How many rows there are in all, when `data` holds the first pages of them (the core's total). */
  total?: number | undefined;
  /** Whether there are rows beyond the loaded ones (by default: `total` says so). */
  hasMore?: boolean | undefined;
  /** Asked when the rows in view come near the end of the loaded ones and there are more. */
  onNeedMore?: () => void;
  loadingMore?: boolean;
  /** Another list (other filters): back to the top and the first row. */
  listKey?: string;
  className?: string;
  /** The scroll area's height when only the rows in view are drawn (CSS length; default 65vh). */
  maxHeight?: string;
  /** A row's height before it is measured, in pixels. */
  rowHeight?: number;
  handle?: Ref<DataTableHandle>;
}

/** Rows from the end of the loaded ones at which the next page is asked for. */
const LOAD_AHEAD = 15;
const PAGE_STEP = 10;

/**
 * The shared table: TanStack Table (headless) rendered as a plain, accessible <table>. Rows can be
 * opened with Enter or a click.
 *
 * Long tables (VIRTUAL_FROM rows, or a `total` beyond the loaded rows) sit in a scroll area of
 * their own and draw only the rows in view (renderer/ui/virtual.tsx); the table says how many rows
 * there are (aria-rowcount) and each row where it is (aria-rowindex), and the next page is asked
 * for (`onNeedMore`) as the end comes into view.
 *
 * Keyboard, when rows can be opened: Tab reaches the table once (the current row, else the first
 * row in view); ↓ ↑ move by a row, Page Down / Page Up by ten, Home / End to the first and the
 * last loaded row (moving down past the loaded rows loads the next page); Enter opens the row.
 * Keys pressed on a button or link inside a row stay theirs.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { t } = useTranslation('common');
  const { data, columns, onOpen, rowKey } = props;
  const paged = props.hasMore ?? (props.total ?? 0) > data.length;
  // Rows in all for a screen reader (-1: not known yet), the header row included.
  const rowCount = props.total !== undefined ? Math.max(props.total, data.length) + 1 : paged ? -1 : data.length + 1;
  const virtual = paged || data.length >= VIRTUAL_FROM;
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    ...(rowKey ? { getRowId: (row: T) => rowKey(row) } : {}),
  });
  const rows = table.getRowModel().rows;
  const v = useVirtualRows({ count: virtual ? rows.length : 0, estimate: props.rowHeight ?? 44, getKey: (i) => rows[i]?.id ?? i });
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const [shownKey, setShownKey] = useState(props.listKey);
  if (shownKey !== props.listKey) {
    setShownKey(props.listKey);
    setActive(0);
  }
  const scrollToTop = v.virtualizer;
  useEffect(() => {
    scrollToTop.scrollToOffset(0);
  }, [props.listKey, scrollToTop]);

  const focusPending = useCallback(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const el = bodyRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`);
    if (!el) return;
    pendingFocus.current = null;
    el.focus({ preventScroll: true });
    // The least scrolling that shows the row: in the table's box and, if the box is partly below the window, the page.
    el.scrollIntoView({ block: 'nearest' });
  }, []);

  // A row below the loaded ones (↓ on the last row while the next page is on its way): focused when it arrives.
  const wanted = useRef<number | null>(null);
  const needMore = useRef(props.onNeedMore);
  needMore.current = props.onNeedMore;
  const focusRow = useCallback(
    (index: number) => {
      if (rows.length === 0) return;
      if (index > rows.length - 1 && paged) {
        wanted.current = index;
        needMore.current?.();
      }
      const i = Math.max(0, Math.min(index, rows.length - 1));
      setActive(i);
      pendingFocus.current = i;
      if (virtual) v.virtualizer.scrollToIndex(i, { align: 'auto' });
      focusPending();
    },
    [rows.length, paged, virtual, v.virtualizer, focusPending],
  );
  useEffect(() => {
    const index = wanted.current;
    if (index !== null && index < rows.length) {
      wanted.current = null;
      focusRow(index);
    }
  }, [rows.length, focusRow]);
  useImperativeHandle(props.handle, () => ({ focusRow }), [focusRow]);
  // A row asked for before it was drawn gets the focus once it is.
  useLayoutEffect(focusPending);

  // The next page, when the end of the loaded rows comes near.
  const lastDrawn = v.items[v.items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (paged && !props.loadingMore && lastDrawn >= rows.length - 1 - LOAD_AHEAD) needMore.current?.();
  }, [paged, props.loadingMore, lastDrawn, rows.length]);

  const drawn: Array<{ row: Row<T>; index: number }> = [];
  if (virtual) {
    for (const item of v.items) {
      const row = rows[item.index];
      if (row) drawn.push({ row, index: item.index });
    }
  } else rows.forEach((row, index) => drawn.push({ row, index }));
  const current = Math.min(active, rows.length - 1);
  const firstInView = v.virtualizer.range?.startIndex ?? drawn[0]?.index ?? 0;
  const tabbable = drawn.some((d) => d.index === current) ? current : firstInView;

  const onRowKey = (e: React.KeyboardEvent<HTMLTableRowElement>, index: number, row: T) => {
    if (e.target !== e.currentTarget) return;
    const go = (to: number) => {
      e.preventDefault();
      focusRow(to);
    };
    switch (e.key) {
      case 'ArrowDown':
        return go(index + 1);
      case 'ArrowUp':
        return go(index - 1);
      case 'PageDown':
        return go(index + PAGE_STEP);
      case 'PageUp':
        return go(index - PAGE_STEP);
      case 'Home':
        return go(0);
      case 'End':
        return go(rows.length - 1);
      case 'Enter':
        e.preventDefault();
        onOpen?.(row);
    }
  };

  const colSpan = columns.length;
  const body = (
    <tbody ref={bodyRef}>
      {rows.length === 0 ? (
        <tr>
          <td colSpan={colSpan} className="empty">
            {props.empty}
          </td>
        </tr>
      ) : (
        <>
          {virtual ? <SpacerRow height={v.before} colSpan={colSpan} /> : null}
          {drawn.map(({ row, index }) => {
            const classes = [onOpen ? 'clickable' : '', props.rowClass?.(row.original) ?? ''].filter(Boolean).join(' ');
            return (
              <tr
                key={row.id}
                ref={virtual ? v.virtualizer.measureElement : undefined}
                data-index={index}
                aria-rowindex={virtual ? index + 2 : undefined}
                id={props.rowElementId?.(row.original)}
                // Rows that cannot be opened still take the focus when sent to (focusRow), not by Tab.
                tabIndex={onOpen && index === tabbable ? 0 : -1}
                className={classes || undefined}
                aria-label={props.rowLabel?.(row.original)}
                onClick={onOpen ? () => onOpen(row.original) : undefined}
                onFocus={onOpen ? (e) => e.target === e.currentTarget && setActive(index) : undefined}
                onKeyDown={onOpen ? (e) => onRowKey(e, index, row.original) : undefined}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={props.columnClass?.[cell.column.id]}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
          {virtual ? <SpacerRow height={v.after} colSpan={colSpan} /> : null}
          {props.loadingMore ? (
            <tr className="table-more">
              <td colSpan={colSpan}>{t('common:loading')}</td>
            </tr>
          ) : null}
        </>
      )}
    </tbody>
  );
  const tableElement = (
    <table className={['data-table', props.className].filter(Boolean).join(' ')} aria-rowcount={virtual ? rowCount : undefined}>
      {props.caption ? <caption className="visually-hidden">{props.caption}</caption> : null}
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id} aria-rowindex={virtual ? 1 : undefined}>
            {group.headers.map((header) => (
              <th key={header.id} scope="col" className={props.columnClass?.[header.column.id]}>
                {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      {body}
    </table>
  );
  if (!virtual) return tableElement;
  return (
    <div
      ref={v.scrollRef}
      className="table-scroll"
      style={props.maxHeight ? { maxHeight: props.maxHeight } : undefined}
      // Without rows to focus, the box itself takes the focus so that the keys can scroll it.
      tabIndex={onOpen ? undefined : 0}
      role={onOpen ? undefined : 'region'}
      aria-label={onOpen ? undefined : props.caption}
    >
      {tableElement}
    </div>
  );
}
