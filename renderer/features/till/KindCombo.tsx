import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fold } from '../../../shared/domain/text';
import type { PricedKind } from '../../../shared/domain/till';
import { useFormat } from '../../ui/format';
import { useTillText } from './tillText';

/**
 * The paid service, typed: a few letters of its name in any case or accent ("печ", "fot"),
 * arrows to move, Enter or Tab to take it. Kinds without a price are listed too, marked, so that
 * the front desk sees why they cannot be sold.
 */
export const KindCombo = forwardRef<
  HTMLInputElement,
  {
    kinds: PricedKind[];
    value: number | null;
    invalid: boolean;
    describedBy?: string | undefined;
    onPick: (kindId: number | null) => void;
    /** Letters typed before the field was there (on the receipt, right after a sale): the search starts with them. */
    initialTyped?: string | undefined;
  }
>(function KindCombo({ kinds, value, invalid, describedBy, onPick, initialTyped }, ref) {
  const { t } = useTranslation(['till']);
  const format = useFormat();
  const text = useTillText();
  const id = useId();
  const picked = kinds.find((k) => k.kindId === value) ?? null;
  const [typed, setTyped] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => input.current as HTMLInputElement);
  // Letters carried from the receipt arrive just after the field is shown: they go before anything
  // typed since. Into the field itself at once, so that a letter typed before React shows them
  // lands after them (the field's own text is what onChange reads).
  useEffect(() => {
    const el = input.current;
    if (!initialTyped || !el) return;
    el.value = initialTyped + el.value;
    setTyped(el.value);
    setActive(0);
    setOpen(true);
  }, [initialTyped]);
  const [active, setActive] = useState(0);
  const shown = typed ?? (picked ? text.kind(picked) : '');
  const q = fold(typed ?? '');
  const matches =
    q === ''
      ? kinds
      : kinds
          .filter((k) => fold(text.kind(k)).includes(q))
          .sort((a, b) => Number(!fold(text.kind(a)).startsWith(q)) - Number(!fold(text.kind(b)).startsWith(q)));
  const current = matches[Math.min(active, matches.length - 1)];
  const take = (k: PricedKind | undefined) => {
    if (!k) return;
    setTyped(null);
    setOpen(false);
    onPick(k.kindId);
  };
  // Enter typed before the price list arrived (a quick hand right after the till opens): taken
  // as soon as the list is there, rather than lost.
  const [pendingTake, setPendingTake] = useState(false);
  const first = matches[0];
  useEffect(() => {
    if (!pendingTake || kinds.length === 0) return;
    setPendingTake(false);
    setTyped(null);
    setOpen(false);
    if (first) onPick(first.kindId);
  }, [pendingTake, kinds.length, first, onPick]);
  const label = (k: PricedKind) =>
    k.current
      ? t('till:sale.kindOption', { kind: text.kind(k), price: format.money(k.current.priceMinor, k.current.currency), per: text.per(k.current.unit) })
      : t('till:sale.kindNoPrice', { kind: text.kind(k) });

  return (
    <div className="combobox till-kind">
      <input
        id="till-kind"
        ref={input}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && current ? `${id}-opt-${current.kindId}` : undefined}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        autoComplete="off"
        placeholder={t('till:sale.chooseKind')}
        value={shown}
        onFocus={(e) => {
          // Letters carried from the receipt stay, the caret after them; otherwise the next letters replace the kind.
          if (typed !== null && typed !== '') e.target.setSelectionRange(e.target.value.length, e.target.value.length);
          else e.target.select();
        }}
        onBlur={() => {
          setOpen(false);
          setTyped(null);
        }}
        onChange={(e) => {
          setTyped(e.target.value);
          setActive(0);
          setOpen(true);
          if (value !== null) onPick(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            if (!open) {
              setOpen(true);
              return;
            }
            const n = Math.max(matches.length, 1);
            setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a - 1 + n) % n));
          } else if (e.key === 'Enter') {
            // With the list open Enter takes the kind; with a kind taken it sells (the form's Enter).
            if (open) {
              e.preventDefault();
              if (kinds.length === 0) setPendingTake(true);
              else take(current);
            }
          } else if (e.key === 'Tab') {
            if (open && typed !== null && typed.trim() !== '' && current) {
              // Take it and go on to the quantity (the picker moves the focus there).
              e.preventDefault();
              take(current);
            }
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {open ? (
        <ul id={`${id}-list`} role="listbox" className="listbox" aria-label={t('till:sale.kind')}>
          {matches.length === 0 ? <li className="muted">{t('till:sale.noMatch')}</li> : null}
          {matches.map((k) => (
            <li
              key={k.kindId}
              id={`${id}-opt-${k.kindId}`}
              role="option"
              aria-selected={k === current}
              className={k === current ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                take(k);
              }}
            >
              {label(k)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
});
