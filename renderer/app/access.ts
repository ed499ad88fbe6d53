import { contract, type CallName } from '../../shared/api/contract';
import type { Role } from '../../shared/api/roles';

/**
 * Which screens a role may use, from the contract rather than from a list kept by hand: each
 * screen is named by the call it cannot work without, and a role may open the screen when that
 * call's declared roles include it. The navigation shows only those screens; a screen reached by
 * its address anyway says in words that it is not for this role (`RoleGate`), instead of waiting
 * for data that never comes.
 */
export const SCREEN_CALLS = {
  '/residents': 'residents.search',
  '/residents/duplicates': 'residents.duplicatePairs',
  '/residents/merge': 'residents.merge',
  '/requests': 'requests.list',
  '/events': 'events.list',
  '/shelter': 'shelter.today',
  '/aid': 'aid.items',
  '/aid/day': 'aid.distributionList',
  '/volunteers': 'volunteers.search',
  '/board': 'tasks.board',
  '/tasks': 'tasks.get',
  '/snow-day': 'snowDay.preview',
  '/care': 'care.list',
  '/reports': 'reports.volunteerHours',
  '/results': 'reports.results',
  '/caseload': 'cases.caseload',
  '/cases': 'cases.get',
  '/assessments': 'assessments.get',
  '/projects': 'projects.list',
  '/till': 'till.day',
  '/cashbook': 'cashbook.list',
  '/funding': 'grants.list',
  '/cashflow': 'cashflow.report',
  '/backups': 'backups.status',
  '/admin/users': 'users.list',
  '/admin/audit': 'audit.search',
  '/admin/privacy': 'privacy.retentionReview',
  '/results/funder-safe': 'reports.aggregates',
  '/results/grant': 'reports.grant',
  '/import': 'import.preview',
  '/volunteers/merge': 'volunteers.merge',
} as const satisfies Record<string, CallName>;

export type GuardedScreen = keyof typeof SCREEN_CALLS;

export function mayUse(role: Role, call: CallName): boolean {
  return (contract[call].roles as readonly Role[]).includes(role);
}

/** Whether a role may open a screen (screens not in the list are for everyone signed in). */
export function mayOpen(role: Role, screen: GuardedScreen): boolean {
  return mayUse(role, SCREEN_CALLS[screen]);
}
