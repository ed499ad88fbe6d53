import { Fragment, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { flushSync } from 'react-dom';
import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Header,
  type Row,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { SpacerRow, useVirtualRows, VIRTUAL_FROM } from './virtual';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** 'num': amounts, counts and dates of a column line up on the right (tabular figures). */
    align?: 'num' | 'center';
    /** More classes for the column's header and cells. */
    className?: string;
    /** The column names its row (its cells are row headers, `<th scope="row">`). */
    rowHeader?: boolean;
  }
}

export interface DataTableHandle {
  /** Scrolls to a loaded row and gives it the focus. */
  focusRow(index: number): void;
}

export interface DataTableProps<T> {
  data: T[];
  columns: ColumnDef<T, unknown>[];
  onOpen?: (row: T) => void;
  /** Whether a row has somewhere to go (by default every row does when `onOpen` is given). */
  canOpen?: (row: T) => boolean;
  caption?: string;
  /** The caption is shown above the table (else only screen readers read it). */
  captionVisible?: boolean;
  /** Rows under the body (totals): each column's `footer` when one is given, else this. */
  foot?: ReactNode;
  /** The first sort (a column id and the direction); columns with a value (`accessorFn`/`accessorKey`) sort. */
  initialSort?: SortingState;
  /** Columns do not sort even though they have values (a list whose order is its meaning). */
  noSort?: boolean;
  empty: string;
  rowLabel?: (row: T) => string;
  /** A stable key per row (else its index). */
  rowKey?: (row: T) => string;
  /** The row element's id (for links to a row). */
  rowElementId?: (row: T) => string;
  rowClass?: (row: T) => string | undefined;
  /** data-* attributes of a row (for links and tests that find a row by its record). */
  rowData?: (row: T) => Record<`data-${string}`, string | number>;
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
  /**
   * A full-width row drawn under a row when this gives content for it (null/undefined: none): a
   * form for that row (an expense on a budget line), a question, more about the row.
   */
  detail?: (row: T) => ReactNode;
  /** A full-width row drawn instead of a row when this gives content for it: the row turned into its form in place. */
  editing?: (row: T) => ReactNode;
  /** A full-width row after the rows (and after the empty text): the form of a row being added. */
  tail?: ReactNode;
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
 * last loaded row (moving down past the loaded rows loads the next page); Enter or Space opens
 * the row (when `canOpen` allows). Keys pressed and clicks on a button or link inside a row stay theirs.
 *
 * Columns with a value (`column(..., { value })`, or `accessorFn`) sort: their header is a button
 * (A→Я, Я→A, then the list's own order) and says the order with aria-sort. Not while the core
 * sends the rows page by page (the loaded pages alone would sort wrongly), nor with `noSort`.
 * Column `footer`s (or `foot`) make a totals row; `meta.align: 'num'` right-aligns figures. While
 * the page is printed every row is drawn (ARCHITECTURE.md, "Tables").
 *
 * Rows that turn into a form in place: `editing(row)` draws a full-width row (one cell spanning
 * every column, `tr.table-form`) instead of the row when it gives content, `detail(row)` one under
 * the row, `tail` one after the last row (a new row's form). They follow their row when the table
 * is sorted, take no part in the rows' keys (↑ ↓ go from row to row; keys inside them are theirs)
 * and are not counted in aria-rowcount. In a virtualised list they are drawn but not measured, so
 * keep them to lists that are short or to one row at a time.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { t } = useTranslation('common');
  const { data, columns, onOpen, rowKey } = props;
  const paged = props.hasMore ?? (props.total ?? 0) > data.length;
  // Rows in all for a screen reader (-1: not known yet), the header row included.
  const rowCount = props.total !== undefined ? Math.max(props.total, data.length) + 1 : paged ? -1 : data.length + 1;
  const printing = usePrinting();
  const virtual = !printing && (paged || data.length >= VIRTUAL_FROM);
  const [sorting, setSorting] = useState<SortingState>(props.initialSort ?? []);
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    // Rows the core sends page by page keep the core's order: sorting the loaded pages alone would mislead.
    enableSorting: !props.noSort && !paged,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    // First press: smallest / A first, for numbers too; then the other way; then the list's own order.
    sortDescFirst: false,
    defaultColumn: { sortingFn: byValue, sortUndefined: 'last' },
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

  const opens = (row: T) => Boolean(onOpen) && (props.canOpen?.(row) ?? true);
  const cellClass = (column: { id: string; columnDef: ColumnDef<T, unknown> }) => {
    const meta = column.columnDef.meta;
    return [meta?.align, meta?.className, props.columnClass?.[column.id]].filter(Boolean).join(' ') || undefined;
  };
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
      case ' ':
        if (!opens(row)) return;
        e.preventDefault();
        onOpen?.(row);
    }
  };

  const colSpan = columns.length;
  const hasFooters = columns.some((c) => c.footer !== undefined);
  const foot =
    rows.length === 0 && !props.foot ? null : hasFooters ? (
      <tfoot>
        {table.getFooterGroups().slice(0, 1).map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) =>
              header.column.columnDef.meta?.rowHeader ? (
                <th key={header.id} scope="row" className={cellClass(header.column)}>
                  {header.isPlaceholder ? null : draw(header.column.columnDef.footer, header.getContext())}
                </th>
              ) : (
                <td key={header.id} className={cellClass(header.column)}>
                  {header.isPlaceholder ? null : draw(header.column.columnDef.footer, header.getContext())}
                </td>
              ),
            )}
          </tr>
        ))}
      </tfoot>
    ) : props.foot ? (
      <tfoot>{props.foot}</tfoot>
    ) : null;
  /** A full-width row of the table's own (a form in place, a row's detail, the new row's form). */
  const formRow = (key: string, content: ReactNode, index?: number) => (
    <tr key={key} className="table-form" data-form-of={index}>
      <td colSpan={colSpan}>
        {/* Its width is the table's: a wide form does not widen the columns above it. */}
        <div className="table-form-body">{content}</div>
      </td>
    </tr>
  );
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
            const instead = props.editing?.(row.original);
            if (drawsSomething(instead)) return formRow(`${row.id}:editing`, instead, index);
            const under = props.detail?.(row.original);
            const open = opens(row.original);
            const classes = [open ? 'clickable' : '', props.rowClass?.(row.original) ?? ''].filter(Boolean).join(' ');
            return (
              <Fragment key={row.id}>
                <tr
                  {...props.rowData?.(row.original)}
                  ref={virtual ? v.virtualizer.measureElement : undefined}
                  data-index={index}
                  aria-rowindex={virtual ? index + 2 : undefined}
                  id={props.rowElementId?.(row.original)}
                  // Rows that cannot be opened still take the focus when sent to (focusRow), not by Tab.
                  tabIndex={onOpen && index === tabbable ? 0 : -1}
                  className={classes || undefined}
                  aria-label={props.rowLabel?.(row.original)}
                  onClick={open ? (e) => !isControl(e.target, e.currentTarget) && onOpen?.(row.original) : undefined}
                  onFocus={onOpen ? (e) => e.target === e.currentTarget && setActive(index) : undefined}
                  onKeyDown={onOpen ? (e) => onRowKey(e, index, row.original) : undefined}
                >
                  {row.getVisibleCells().map((cell) =>
                    cell.column.columnDef.meta?.rowHeader ? (
                      <th key={cell.id} scope="row" className={cellClass(cell.column)}>
                        {draw(cell.column.columnDef.cell, cell.getContext())}
                      </th>
                    ) : (
                      <td key={cell.id} className={cellClass(cell.column)}>
                        {draw(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ),
                  )}
                </tr>
                {drawsSomething(under) ? formRow(`${row.id}:detail`, under, index) : null}
              </Fragment>
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
      {drawsSomething(props.tail) ? formRow('table-tail', props.tail) : null}
    </tbody>
  );
  const tableElement = (
    <table className={['data-table', props.className].filter(Boolean).join(' ')} aria-rowcount={virtual ? rowCount : undefined}>
      {props.caption ? <caption className={props.captionVisible ? 'table-caption' : 'visually-hidden'}>{props.caption}</caption> : null}
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id} aria-rowindex={virtual ? 1 : undefined}>
            {group.headers.map((header) => (
              <HeaderCell key={header.id} header={header} className={cellClass(header.column)} />
            ))}
          </tr>
        ))}
      </thead>
      {body}
      {foot}
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

/**
 * A column's header: a button that sorts when the column can sort, the order said by aria-sort.
 * The mark (↕ ▲ ▼) is drawn by CSS with empty alternative text, so the header's text and name stay the column's.
 */
function HeaderCell<T>({ header, className }: { header: Header<T, unknown>; className: string | undefined }) {
  const { t } = useTranslation('common');
  const content = header.isPlaceholder ? null : draw(header.column.columnDef.header, header.getContext());
  if (!header.column.getCanSort()) {
    return (
      <th scope="col" className={className}>
        {content}
      </th>
    );
  }
  const dir = header.column.getIsSorted();
  const next = header.column.getNextSortingOrder();
  return (
    <th scope="col" className={className} aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}>
      <button
        type="button"
        className="sort-button"
        onClick={header.column.getToggleSortingHandler()}
        title={next === 'asc' ? t('common:table.sortAscending') : next === 'desc' ? t('common:table.sortDescending') : t('common:table.sortNone')}
      >
        {content}
      </button>
    </th>
  );
}

/** Whether a row's `detail`/`editing` (or the `tail`) has something to draw. */
function drawsSomething(node: ReactNode): boolean {
  return node !== undefined && node !== null && node !== false;
}

/** A click on a link, button or field inside a row is theirs, not the row's. */
function isControl(target: EventTarget, row: Element): boolean {
  const el = target instanceof Element ? target.closest('a, button, input, select, textarea, label, summary') : null;
  return el !== null && row.contains(el) && el !== row;
}

/** True while the page is being printed: a long table then draws every row (the scroll area is gone on paper). */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // Drawn before the print layout is taken (flushSync), so the paper gets every row.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}

/** Numbers by size, text in the screen's language (the default of every column that sorts). */
function byValue<T>(a: Row<T>, b: Row<T>, columnId: string): number {
  const x = a.getValue<unknown>(columnId);
  const y = b.getValue<unknown>(columnId);
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return collator().compare(String(x ?? ''), String(y ?? ''));
}

const collators = new Map<string, Intl.Collator>();
/** Text sorts in the order of the screen's language (the page's lang: Cyrillic first in a Russian screen). */
function collator(): Intl.Collator {
  const lang = document.documentElement.lang || 'en';
  let c = collators.get(lang);
  if (!c) {
    c = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
    collators.set(lang, c);
  }
  return c;
}

/** A column in one line: its id, header, cell and, when given, a value to sort by (numbers and dates as ISO text sort too). */
export function column<T>(
  id: string,
  header: ReactNode,
  cell: (row: T) => ReactNode,
  options: {
    /** The value the column sorts by (without one it does not sort). */
    value?: (row: T) => string | number | null | undefined;
    align?: 'num' | 'center';
    className?: string;
    /** Its cells name their rows (`<th scope="row">`). */
    rowHeader?: boolean;
    /** The column's cell in the totals row. */
    footer?: ReactNode;
  } = {},
): ColumnDef<T, unknown> {
  const base = {
    id,
    header: () => header,
    cell: ({ row }: { row: Row<T> }) => cell(row.original),
    meta: {
      ...(options.align ? { align: options.align } : {}),
      ...(options.className ? { className: options.className } : {}),
      ...(options.rowHeader ? { rowHeader: true } : {}),
    },
    ...(options.footer !== undefined ? { footer: () => options.footer } : {}),
  };
  const value = options.value;
  const def: ColumnDef<T, unknown> = value
    ? {
        ...base,
        accessorFn: (row: T) => value(row) ?? undefined,
        sortUndefined: 'last',
        sortingFn: byValue,
      }
    : base;
  return def;
}

/** `column` for the rows' own type, taken from the rows (so a screen need not name it). */
export function columnsOf<T>(rows: readonly T[] | undefined): (...args: Parameters<typeof column<T>>) => ColumnDef<T, unknown> {
  void rows;
  return (...args) => column<T>(...args);
}

/**
 * A header, cell or footer: its function called (not mounted as a component, as TanStack's
 * flexRender would), so that columns made afresh on each render keep the rows' elements, their
 * focus and the state of the components inside them.
 */
function draw<P extends object>(content: ReactNode | ((props: P) => ReactNode) | undefined, props: P): ReactNode {
  return typeof content === 'function' ? content(props) : content;
}
