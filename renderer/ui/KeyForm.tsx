import type { FormHTMLAttributes, ReactNode } from 'react';

type KeyFormProps = Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'onKeyDown' | 'noValidate'> & {
  onSubmit: () => Promise<void> | void;
  onCancel?: (() => void) | undefined;
  children: ReactNode;
};

/**
 * The one keyboard behaviour of every form: Enter (submit) and Ctrl+Enter or Cmd+Enter from any
 * field save, Escape cancels. A control that uses Escape itself (an open list, a confirm question)
 * stops it first.
 */
export function KeyForm({ onSubmit, onCancel, children, ...props }: KeyFormProps) {
  return (
    <form
      {...props}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          // A money field reads its text on Enter (and refuses a bad amount by preventing the
          // default). Its new value reaches the form's state on the next render, so the form is
          // submitted after it, through the submit event, which runs the current `onSubmit`.
          const refused = e.defaultPrevented;
          e.preventDefault();
          if (refused) return;
          const form = e.currentTarget;
          window.setTimeout(() => form.requestSubmit(), 0);
        }
        if (e.key === 'Escape' && onCancel && !e.defaultPrevented) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      {children}
    </form>
  );
}
