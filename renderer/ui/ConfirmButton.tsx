import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The one confirm-before-danger control: the first press asks in words, with the confirming button
 * focused; the second press (on it) does the thing; Cancel or Escape takes the question back and
 * the focus returns to the first button.
 */
export function ConfirmButton(props: {
  /** The first button's text ("Reverse", "Delete"). */
  label: ReactNode;
  /** The first button's accessible name when its text alone is not enough ("Reverse entry № 12"). */
  'aria-label'?: string;
  /** The question asked in words after the first press. */
  question?: ReactNode;
  /** The confirming button's text ("Yes, delete"). */
  confirmLabel: ReactNode;
  onConfirm: () => unknown;
  /** Before asking (e.g. to clear an earlier refusal). */
  onAsk?: () => void;
  busy?: boolean;
  disabled?: boolean;
  /** 'small' in table rows. */
  size?: 'small';
  /** The first button looks dangerous too (a delete). */
  danger?: boolean;
  /** The question as a warning box under the button rather than inline (longer questions). */
  block?: boolean;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const firstRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    if (!asking && refocus.current) {
      refocus.current = false;
      firstRef.current?.focus();
    }
  }, [asking]);

  const cancel = () => {
    refocus.current = true;
    setAsking(false);
  };
  const confirm = async () => {
    try {
      await props.onConfirm();
    } finally {
      if (mounted.current) setAsking(false);
    }
  };
  const size = props.size === 'small' ? 'small' : '';

  if (!asking) {
    return (
      <button
        ref={firstRef}
        type="button"
        className={`${size} ${props.danger ? 'danger' : ''}`.trim() || undefined}
        aria-label={props['aria-label']}
        disabled={props.disabled || props.busy}
        onClick={() => {
          props.onAsk?.();
          setAsking(true);
        }}
      >
        {props.label}
      </button>
    );
  }
  return (
    <div
      className={props.block ? 'confirm-ask notice notice-warning' : 'confirm-ask'}
      // A question in a box under the button is announced as it appears; one beside a row's button is a group.
      role={props.block ? 'alert' : 'group'}
      aria-label={props.block ? undefined : typeof props.question === 'string' ? props.question : t('common:form.confirmAsk')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          cancel();
        }
      }}
    >
      <span className="confirm-question">{props.question ?? t('common:form.confirmAsk')}</span>
      <span className="confirm-buttons">
        <button type="button" className={`${size} danger`.trim()} autoFocus disabled={props.busy} onClick={() => void confirm()}>
          {props.confirmLabel}
        </button>
        <button type="button" className={size || undefined} onClick={cancel}>
          {t('common:cancel')}
        </button>
      </span>
    </div>
  );
}
