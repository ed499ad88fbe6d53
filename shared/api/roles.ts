export const ROLES = ['frontdesk', 'coordinator', 'treasurer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

// Kept as literal tuples: the output type a call's screens receive is computed from its roles.
export const EVERYONE = ROLES;
/** People who work with residents' records: the front desk, coordinators and admins. */
export const CASEWORK = ['frontdesk', 'coordinator', 'admin'] as const satisfies readonly Role[];
export const ADMIN_ONLY = ['admin'] as const satisfies readonly Role[];
export const CATALOGUE_EDITORS = ['coordinator', 'admin'] as const satisfies readonly Role[];
/** Coordinators and admins manage volunteers, tasks and plans. */
export const COORDINATION = ['coordinator', 'admin'] as const satisfies readonly Role[];
/** The treasurer and admins see and change money (the cash book, grants, rent, cash flow). */
export const MONEY = ['treasurer', 'admin'] as const satisfies readonly Role[];
/** The till: the front desk records sales and the daily cash-up; treasurers and admins too. */
export const TILL = ['frontdesk', 'treasurer', 'admin'] as const satisfies readonly Role[];

/** Whether `role` is one of `roles` (the role lists above are literal tuples). */
export function isOneOf(roles: readonly Role[], role: Role): boolean {
  return roles.includes(role);
}
