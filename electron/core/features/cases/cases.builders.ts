import type { CallInput } from '../../../../shared/api/contract';
import type { casesCalls } from '../../../../shared/api/calls/cases';

type Calls = keyof typeof casesCalls;

/**
 * A valid input for every cases call (used by the dispatch and fuzz tests): case 1 is resident
 * 1's, its action 1.
 */
export function casesValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'cases.get': { id: 1 },
    'cases.ofResident': { residentId: 1 },
    'cases.caseload': {},
    'cases.open': { residentId: 1, goals: ['Оформити житлову субсидію'], nextReviewOn: '2026-12-01' },
    'cases.updatePlan': { id: 1, goals: ['Оформити житлову субсидію', 'Влаштувати дитину до садочка'] },
    'cases.addAction': { id: 1, text: 'Зібрати довідки про доходи', dueOn: '2026-11-30', responsibleText: 'отримувач' },
    'cases.completeAction': { id: 1, actionId: 1 },
    'cases.logContact': { id: 1, kind: 'visit', note: 'Візит додому' },
    'cases.review': { id: 1, note: 'Перегляд плану', nextReviewOn: '2026-12-16' },
    'cases.recordAgreement': { id: 1, signedOn: '2026-11-16', note: 'Контракт на 6 місяців' },
    'cases.close': { id: 1, outcome: 'goalsMet', note: '', confirmOpenActions: true },
  };
}
