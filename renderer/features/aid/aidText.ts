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

/**
 * The core's "the stock would go below zero" (stockShort, with what is left): the form shows it as
 * a warning and its button turns into a confirmation; the next save sends `confirmBelowZero`.
 * Changing the form takes the question back (what was confirmed is what was shown).
 */
export function useBelowZero(question?: string) {
  const text = useAidText();
  const [short, setShort] = useState<ApiError | null>(null);
  const details = short?.body.details as { count?: unknown; item?: unknown } | undefined;
  return {
    /** The warning is shown: the next save confirms. */
    asking: short !== null,
    /**
     * The warning in words, or null: the form's own `question` ("… only 3 left. Write it off
     * anyway?") with what is left, else the core's (a give's) words.
     */
    warning:
      short === null
        ? null
        : question && typeof details?.count === 'number' && typeof details.item === 'string'
          ? text.t(question, { count: details.count, item: details.item })
          : text.error(short),
    /**
     * Runs a save: a stockShort refusal that was not confirmed yet is kept to ask (resolves
     * `false`, not saved, for useCallForm's onSubmit); any other failure is thrown on.
     */
    attempt: async (confirmed: boolean, save: () => Promise<unknown>): Promise<boolean> => {
      try {
        await save();
        setShort(null);
        return true;
      } catch (err) {
        setShort(null);
        if (!confirmed && err instanceof ApiError && err.body.code === 'stockShort') {
          setShort(err);
          return false;
        }
        throw err;
      }
    },
    clear: () => setShort(null),
  };
}
