import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, useFundingText } from './fundingText';

export { KeyForm } from '../../ui/KeyForm';

/**
 * The funding screens' forms share one way of saving: the form's own checks first (field →
 * message key, shown beside the fields), then the call; a refusal with field messages goes beside
 * the fields, any other failure is one translated line (never a stack trace).
 */
export function useFormErrors() {
  const text = useFundingText();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  /** Shows `found`; when it is empty, runs `save` and shows what it fails with. */
  const attempt = async (found: Record<string, string>, save: () => Promise<void>): Promise<void> => {
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    try {
      await save();
    } catch (err) {
      const f = fieldErrors(err);
      if (f) setErrors(f);
      else setFailure(text.error(err));
    }
  };
  return { errors, failure, setFailure, attempt };
}

/** The one translated line a failed save shows. */
export function FormFailure({ failure }: { failure: string | null }) {
  return failure ? (
    <div role="alert" className="notice notice-error">
      {failure}
    </div>
  ) : null;
}

/** Save and Cancel (and a hint after them). */
export function SaveCancel({ onCancel, className = 'actions', children }: { onCancel: () => void; className?: string; children?: ReactNode }) {
  const { t } = useTranslation('funding');
  return (
    <div className={className}>
      <button type="submit" className="primary">
        {t('funding:save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('funding:cancel')}
      </button>
      {children}
    </div>
  );
}
