import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestStatus, Urgency, Channel } from '../../shared/domain/requests';
import type { ServiceKind } from '../../shared/domain/catalogue';
import type { Situation } from '../../shared/domain/residents';
import type { TFunction } from 'i18next';

/** Translated names of the domain's enums and of service kinds (the same object while the language stays). */
export function useLabels() {
  const { t } = useTranslation();
  return useMemo(() => labelsOf(t), [t]);
}

function labelsOf(t: TFunction) {
  return {
    status: (s: RequestStatus) => t(`common:status.${s}`),
    urgency: (u: Urgency) => t(`common:urgency.${u}`),
    channel: (c: Channel) => t(`common:channel.${c}`),
    situation: (s: Situation) => t(`common:situation.${s}`),
    kind: (k: Pick<ServiceKind, 'code' | 'name'> | { kindCode: string | null; kindName: string | null }) => {
      const code = 'code' in k ? k.code : k.kindCode;
      const name = 'name' in k ? k.name : k.kindName;
      return code !== null ? t(`catalogue:kinds.${code}`) : (name ?? '');
    },
  };
}
