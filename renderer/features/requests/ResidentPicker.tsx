import { useId, useState, forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentSummary } from '../../../shared/domain/residents';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeyOf, useCall } from '../../app/api';
import { invoke } from '../../bridge';
import { useDebounced } from '../../ui/useDebounced';
import { fieldText } from '../../ui/ErrorNotice';
import { RequiredMark } from '../../ui/Field';

/**
 * Find-or-create a resident with the keyboard: type, arrows to move, Enter to pick. The last option
 * creates a new resident from what was typed.
 */
export const ResidentPicker = forwardRef<
  HTMLInputElement,
  {
    label: string;
    error?: string | undefined;
    onPick: (r: ResidentSummary) => void;
    /** Without it the list offers no "create" option (the till only picks existing residents). */
    onCreate?: ((typed: string) => void) | undefined;
    autoFocus?: boolean | undefined;
    /** Marked as required (the form's legend explains the mark). */
    required?: boolean | undefined;
  }
>(function ResidentPicker({ label, error, onPick, onCreate, autoFocus = true, required }, ref) {
  const { t } = useTranslation(['requests', 'residents', 'common']);
  const id = useId();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const query = useDebounced(q.trim(), 100);
  const client = useQueryClient();
  const results = useCall('residents.search', { q: query, limit: 8 }, { enabled: query.length > 0 });
  const items = query.length > 0 ? (results.data ?? []) : [];
  const open = query.length > 0 && results.data !== undefined;
  const optionCount = items.length + (onCreate ? 1 : 0);
  const choose = (index: number) => {
    const picked = items[index];
    if (picked) onPick(picked);
    else onCreate?.(q.trim());
  };
  /** Enter typed before the suggestions arrived: search now and take the first match. */
  const chooseFirstNow = async () => {
    const typed = q.trim();
    if (typed.length === 0) return;
    const input = { q: typed, limit: 8 };
    const found = await client.fetchQuery({ queryKey: queryKeyOf('residents.search', input), queryFn: () => invoke('residents.search', input) });
    if (found[0]) onPick(found[0]);
    else onCreate?.(typed);
  };
  return (
    <div className={`field combobox ${error ? 'field-invalid' : ''}`}>
      {required ? (
        <div className="field-label-row">
          <label htmlFor={id}>{label}</label>
          <RequiredMark />
        </div>
      ) : (
        <label htmlFor={id}>{label}</label>
      )}
      <input
        id={id}
        ref={ref}
        aria-required={required || undefined}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${id}-opt-${active}` : undefined}
        aria-invalid={Boolean(error)}
        autoComplete="off"
        autoFocus={autoFocus}
        value={q}
        placeholder={t('requests:form.residentPlaceholder')}
        onChange={(e) => {
          setQ(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            // Never submit the surrounding form from here: Enter picks a resident.
            e.preventDefault();
            if (open && query === q.trim()) choose(active);
            else void chooseFirstNow();
            return;
          }
          if (!open) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => (a + 1) % Math.max(optionCount, 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => (a - 1 + optionCount) % Math.max(optionCount, 1));
          } else if (e.key === 'Escape') {
            setQ('');
          }
        }}
      />
      {error ? (
        <div className="field-error" role="alert">
          {fieldText(t, error)}
        </div>
      ) : null}
      {open ? (
        <ul id={`${id}-list`} role="listbox" className="listbox" aria-label={label}>
          {items.map((r, i) => (
            <li
              key={r.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(i);
              }}
            >
              <strong>{r.fullName}</strong>
              {r.birthYear !== null ? <span className="muted"> · {r.birthYear}</span> : null}
              {r.address ? <span className="muted"> · {r.address}</span> : null}
              {r.phones[0] ? <span className="muted"> · {r.phones[0]}</span> : null}
            </li>
          ))}
          {onCreate ? (
            <li
              id={`${id}-opt-${items.length}`}
              role="option"
              aria-selected={active === items.length}
              className={`create ${active === items.length ? 'active' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(items.length);
              }}
            >
              {t('residents:search.createNamed', { name: q.trim() })}
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
});
