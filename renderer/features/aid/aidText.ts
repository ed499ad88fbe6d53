import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AidUnit } from '../../../shared/domain/aid';
import { ApiError } from '../../bridge';
import { errorText } from '../../ui/ErrorNotice';

/** The aid screens' words: units with their numbers, items with their sizes, errors. */
export function useAidText() {
  const { t } = useTranslation(['aid', 'common']);
  return {
    t,
    /** "2 pairs", "1 ζευγάρι". */
    qty: (n: number, unit: AidUnit) => t(`aid:unit.${unit}`, { count: n }),
    item: (i: { name: string; size: string }) => (i.size === '' ? i.name : `${i.name} ${i.size}`),
    /** An item as a choice: "Children's shoes 28 (5 pairs)". */
    withStock: (i: { name: string; size: string; stock: number; unit: AidUnit }) => `${i.size === '' ? i.name : `${i.name} ${i.size}`} (${t(`aid:unit.${i.unit}`, { count: i.stock })})`,
    error: (err: unknown) => errorText(t, err),
  };
}

/** A save that shows field messages by path and any other failure as one translated line. */
export function useSave() {
  const text = useAidText();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [raw, setRaw] = useState<unknown>(null);
  const attempt = async (save: () => Promise<void>): Promise<boolean> => {
    setErrors({});
    setFailure(null);
    setRaw(null);
    try {
      await save();
      return true;
    } catch (err) {
      setRaw(err);
      if (err instanceof ApiError && err.body.fields?.length) {
        const out: Record<string, string> = {};
        for (const f of err.body.fields) out[f.path] ??= f.message;
        setErrors(out);
      } else setFailure(text.error(err));
      return false;
    }
  };
  /** The core said the stock is short: the next submit confirms. */
  const stockShort = raw instanceof ApiError && raw.body.code === 'stockShort';
  return { errors, failure, raw, attempt, stockShort };
}
