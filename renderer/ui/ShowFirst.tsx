import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A list that shows its first `first` items and a "Show all (N)" button for the rest: a long
 * column stays short, and what is hidden is said (the count) and one key away. "Show all" moves
 * the focus to the first item that was hidden (its first link or button), so the keyboard goes on
 * from where the short list ended; "Show fewer" at the end of the long list returns to the button.
 */
export function ShowFirst<T>(props: {
  items: readonly T[];
  first: number;
  itemKey: (item: T) => string | number;
  renderItem: (item: T) => ReactNode;
  className?: string;
  /** What the list is (a day, "Overdue"…): "Show fewer" names it for a screen reader. */
  label: string;
  /**
   * The items counted in the caller's words and plural ("92 tasks"): with `label` it makes the
   * accessible name of "Show all", which begins with the button's visible words ("Show all (92
   * tasks): Monday 30 November").
   */
  countText: (count: number) => string;
}) {
  const { t } = useTranslation('common');
  const [all, setAll] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const showAllRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'item' | 'button' | null>(null);
  const count = props.items.length;
  const hidden = count - props.first;
  const shown = all || hidden <= 0 ? props.items : props.items.slice(0, props.first);

  useLayoutEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'item') {
      const item = listRef.current?.children[props.first];
      item?.querySelector<HTMLElement>('a[href], button:not(:disabled), [tabindex="0"]')?.focus();
    } else if (target === 'button') showAllRef.current?.focus();
  }, [all, props.first]);

  return (
    <>
      <ul className={props.className} ref={listRef}>
        {shown.map((item) => (
          <li key={props.itemKey(item)}>{props.renderItem(item)}</li>
        ))}
      </ul>
      {hidden > 0 ? (
        all ? (
          <button
            type="button"
            className="small show-first"
            aria-label={t('common:list.showFewerOf', { list: props.label })}
            onClick={() => {
              focusNext.current = 'button';
              setAll(false);
            }}
          >
            {t('common:list.showFewer')}
          </button>
        ) : (
          <button
            ref={showAllRef}
            type="button"
            className="small show-first"
            aria-label={t('common:list.showAllOf', { what: props.countText(count), list: props.label })}
            onClick={() => {
              focusNext.current = 'item';
              setAll(true);
            }}
          >
            {t('common:list.showAll', { n: count })}
          </button>
        )
      ) : null}
    </>
  );
}
