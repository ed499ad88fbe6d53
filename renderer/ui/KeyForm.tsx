import type { FormHTMLAttributes, ReactNode } from 'react';

type KeyFormProps = Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'onKeyDown' | 'noValidate'> & {
  onSubmit: () => Promise<void> | void;
  onCancel?: () => void;
  children: ReactNode;
};

/** A form that saves on Enter (submit) and Ctrl+Enter from any field, and cancels on Escape. */
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
        if (e.key === 'Enter' && e.ctrlKey) {
          // A money field reads its text on Enter (and refuses a bad amount by preventing the
          // default). Its new value reaches the form's state on the next render, so the form is
          // submitted after it, through the submit event, which runs the current `onSubmit`.
          const refused = e.defaultPrevented;
          e.preventDefault();
          if (refused) return;
          const form = e.currentTarget;
          window.setTimeout(() => form.requestSubmit(), 0);
        }
        if (e.key === 'Escape' && onCancel) onCancel();
      }}
    >
      {children}
    </form>
  );
}
