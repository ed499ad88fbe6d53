import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useBlocker } from 'react-router';
import { useTranslation } from 'react-i18next';

interface Entry {
  dirty: boolean;
  /** Set by a save or a cancel, which leave without asking. */
  leaving: RefObject<boolean>;
}

const DirtyForms = createContext<Map<string, Entry> | null>(null);

/**
 * The one unsaved-changes question of the app (react-router's useBlocker: a router has one blocker):
 * before a keyboard shortcut (Alt+N, Alt+R, the navigation's) or a link leaves a screen with a
 * changed form, it asks. The question is a modal <dialog>: "Stay and finish" is focused; Escape stays.
 */
export function UnsavedGuardProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [forms] = useState(() => new Map<string, Entry>());
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    if (currentLocation.pathname === nextLocation.pathname && currentLocation.search === nextLocation.search) return false;
    return [...forms.values()].some((f) => f.dirty && !f.leaving.current);
  });
  const ref = useRef<HTMLDialogElement>(null);
  const asking = blocker.state === 'blocked';
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !asking) return undefined;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (before?.isConnected) before.focus();
    };
  }, [asking]);
  return (
    <DirtyForms.Provider value={forms}>
      {children}
      {asking ? (
        <dialog
          ref={ref}
          className="unsaved-dialog"
          aria-labelledby="unsaved-title"
          aria-describedby="unsaved-text"
          onCancel={(e) => {
            e.preventDefault();
            blocker.reset?.();
          }}
        >
          <h2 id="unsaved-title">{t('common:form.unsavedTitle')}</h2>
          <p id="unsaved-text">{t('common:form.unsavedText')}</p>
          <div className="actions">
            <button type="button" className="primary" autoFocus onClick={() => blocker.reset?.()}>
              {t('common:form.unsavedStay')}
            </button>
            <button type="button" className="danger" onClick={() => blocker.proceed?.()}>
              {t('common:form.unsavedLeave')}
            </button>
          </div>
        </dialog>
      ) : null}
    </DirtyForms.Provider>
  );
}

/** A form says whether it holds unsaved changes; `leaving` lets its own save or cancel leave without the question. */
export function useUnsavedGuard(dirty: boolean, leaving: RefObject<boolean>) {
  const forms = useContext(DirtyForms);
  const key = useId();
  useEffect(() => {
    if (!forms) return undefined;
    forms.set(key, { dirty, leaving });
    return () => {
      forms.delete(key);
    };
  }, [forms, key, dirty, leaving]);
}
