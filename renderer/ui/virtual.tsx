import { useRef } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range, type VirtualItem, type Virtualizer } from '@tanstack/react-virtual';

/** From this many rows a list draws only the rows in view (and a few around them). */
export const VIRTUAL_FROM = 60;

/** Rows kept drawn on each side of the row that holds the focus (`focused`). */
const AROUND_FOCUS = 2;

export interface VirtualRows {
  /** The scroll area (a bounded box with overflow: auto) that holds the rows. */
  scrollRef: React.RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  items: VirtualItem[];
  /** Empty space above and below the drawn rows, so that the scroll bar is true to the whole list. */
  before: number;
  after: number;
}

/**
 * Rows of a long list in a scroll area, drawn only where they are in view (TanStack Virtual). The
 * rows stay in the DOM in their order between two spacers, so Tab and a screen reader's reading
 * order go from one drawn row to the next; moving the focus to the last drawn row scrolls it into
 * view and draws the following ones. Rows may differ in height: each drawn row is measured
 * (`ref={virtualizer.measureElement}` with `data-index`).
 *
 * `focused`, the row that holds the focus when Tab walks through the rows' links and buttons: the
 * rows next to it stay drawn whatever the scroll position the last frame saw, so a quick Tab or
 * Shift+Tab always finds the next row in the DOM and never leaves the list early.
 */
export function useVirtualRows(options: {
  count: number;
  estimate: number;
  overscan?: number;
  getKey?: (index: number) => string | number;
  focused?: number | null;
}): VirtualRows {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer<HTMLDivElement, Element>({
    count: options.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => options.estimate,
    overscan: options.overscan ?? 6,
    // The first frame already holds rows (before the box has been measured).
    initialRect: { width: 1000, height: 700 },
    // React 19 warns about flushSync while rendering; a scroll redraws in the next frame.
    useFlushSync: false,
    ...(options.getKey ? { getItemKey: options.getKey } : {}),
    rangeExtractor: (range: Range) => withFocused(defaultRangeExtractor(range), options.focused ?? null, range.count),
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const before = first ? first.start - virtualizer.options.scrollMargin : 0;
  const after = last ? Math.max(0, virtualizer.getTotalSize() - last.end) : 0;
  return { scrollRef, virtualizer, items, before, after };
}

/** The drawn indexes, widened to the focused row's neighbours when it is among them or next to them (the range stays one run of rows). */
function withFocused(indexes: number[], focused: number | null, count: number): number[] {
  const first = indexes[0];
  const last = indexes[indexes.length - 1];
  if (focused === null || first === undefined || last === undefined || focused < first - 1 || focused > last + 1) return indexes;
  const from = Math.max(0, Math.min(first, focused - AROUND_FOCUS));
  const to = Math.min(count - 1, Math.max(last, focused + AROUND_FOCUS));
  if (from === first && to === last) return indexes;
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** A table row of empty space for the rows that are not drawn (hidden from screen readers). */
export function SpacerRow({ height, colSpan }: { height: number; colSpan: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="virtual-spacer">
      <td colSpan={colSpan} style={{ height }} />
    </tr>
  );
}
