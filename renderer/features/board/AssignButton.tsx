import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Suggestion, TaskSummary } from '../../../shared/domain/tasks';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useBoardText } from './taskText';

/**
 * "Assign…" on a task without a volunteer: a small list of suggested volunteers (tasks.suggest:
 * skill, free that day, same settlement, light week) under the button. Keyboard first, like a
 * menu button: Enter or ↓ on the button opens the list with the best bsugg focused; ↑ ↓ Home
 * End move, Enter assigns, Esc closes and returns to the button.
 */
export function AssignButton(props: { task: TaskSummary; align: 'start' | 'end'; busy: boolean; onPick: (s: Suggestion) => void }) {
  const text = useBoardText();
  const { t } = text;
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popupId = useId();
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  return (
    <div className="bassign">
      <button
        ref={buttonRef}
        type="button"
        className="small bassign-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? popupId : undefined}
        aria-label={t('board:assign.buttonLabel', { resident: props.task.residentName, kind: text.kind(props.task) })}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {t('board:assign.button')}
      </button>
      {open ? <SuggestionList id={popupId} task={props.task} align={props.align} busy={props.busy} onPick={props.onPick} onClose={close} anchor={buttonRef} /> : null}
    </div>
  );
}

function SuggestionList(props: {
  id: string;
  task: TaskSummary;
  align: 'start' | 'end';
  busy: boolean;
  onPick: (s: Suggestion) => void;
  onClose: (refocus: boolean) => void;
  anchor: RefObject<HTMLButtonElement | null>;
}) {
  const { t } = useTranslation(['board', 'common']);
  const { task, onClose, anchor } = props;
  const suggest = useCall(
    'tasks.suggest',
    { kindId: task.kindId, residentId: task.residentId, scheduledOn: task.scheduledOn, partOfDay: task.partOfDay, startTime: task.startTime, excludeTaskId: task.id },
    { staleTime: 0 },
  );
  const boxRef = useRef<HTMLDivElement>(null);
  const place = usePlacement(anchor, boxRef, props.align, suggest.data);

  // Focus goes into the list at once, and onto the best bsugg as soon as there is one.
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const first = box.querySelector<HTMLButtonElement>('button.bsugg');
    if (first) {
      if (box.contains(document.activeElement) && document.activeElement !== box) return;
      first.focus();
    } else if (!box.contains(document.activeElement)) {
      box.focus();
    }
  }, [suggest.data]);

  // A click elsewhere closes the list (focus stays where the click put it).
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!boxRef.current?.contains(target) && !anchor.current?.contains(target)) onClose(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [onClose, anchor]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(boxRef.current?.querySelectorAll<HTMLButtonElement>('button.bsugg') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    let next: HTMLButtonElement | undefined;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose(true);
      return;
    }
    if (e.key === 'ArrowDown') next = buttons[at < 0 ? 0 : Math.min(at + 1, buttons.length - 1)];
    else if (e.key === 'ArrowUp') next = buttons[at <= 0 ? 0 : at - 1];
    else if (e.key === 'Home') next = buttons[0];
    else if (e.key === 'End') next = buttons[buttons.length - 1];
    else return;
    e.preventDefault();
    next?.focus();
  };

  return (
    <div
      ref={boxRef}
      id={props.id}
      role="dialog"
      aria-label={t('board:assign.listLabel', { resident: task.residentName })}
      className="bassign-popup"
      style={place}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      {suggest.isPending ? <p className="muted">{t('board:assign.loading')}</p> : null}
      <ErrorNotice error={suggest.error} />
      {suggest.data && suggest.data.length === 0 ? <p>{t('board:assign.none')}</p> : null}
      {suggest.data && suggest.data.length > 0 ? (
        <>
          <ul className="bsuggs">
            {suggest.data.map((s) => (
              <li key={s.volunteerId}>
                <SuggestionButton bsugg={s} disabled={props.busy} onPick={() => props.onPick(s)} />
              </li>
            ))}
          </ul>
          <p className="bassign-keys muted">{t('board:assign.keys')}</p>
        </>
      ) : null}
      <button type="button" className="small bassign-close" onClick={() => onClose(true)}>
        {t('board:assign.close')}
      </button>
    </div>
  );
}

const GAP = 4;
const MARGIN = 8;

/**
 * Where the list goes: fixed under the button (or above it when there is more room there), so a
 * scrolling panel or a narrow day column never clips it; it follows the button on scroll.
 */
function usePlacement(anchor: RefObject<HTMLElement | null>, box: RefObject<HTMLElement | null>, align: 'start' | 'end', content: unknown): CSSProperties {
  const [style, setStyle] = useState<CSSProperties>({ visibility: 'hidden' });
  useLayoutEffect(() => {
    const update = () => {
      const a = anchor.current?.getBoundingClientRect();
      const el = box.current;
      if (!a || !el) return;
      const width = el.offsetWidth;
      const height = el.scrollHeight;
      const below = window.innerHeight - a.bottom - GAP - MARGIN;
      const above = a.top - GAP - MARGIN;
      const down = height <= below || below >= above;
      const maxHeight = Math.max(120, down ? below : above);
      const shown = Math.min(height, maxHeight);
      const left = align === 'end' ? a.right - width : a.left;
      setStyle({
        position: 'fixed',
        top: down ? a.bottom + GAP : a.top - GAP - shown,
        left: Math.max(MARGIN, Math.min(left, window.innerWidth - width - MARGIN)),
        maxHeight,
      });
    };
    update();
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [anchor, box, align, content]);
  return style;
}

function SuggestionButton({ bsugg: s, disabled, onPick }: { bsugg: Suggestion; disabled: boolean; onPick: () => void }) {
  const { t } = useTranslation(['board']);
  return (
    <button type="button" className={`bsugg${s.warnings.length > 0 ? ' has-warnings' : ''}`} disabled={disabled} onClick={onPick}>
      <span className="bsugg-name">{s.fullName}</span>
      {s.reasons.length > 0 ? <span className="bsugg-reasons">{s.reasons.map((r) => t(`board:assign.reasons.${r}`)).join(' · ')}</span> : null}
      {s.warnings.length > 0 ? <span className="bsugg-warnings">{s.warnings.map((w) => t(`board:assign.warnings.${w}`)).join(' · ')}</span> : null}
    </button>
  );
}
