export const ROLES = ['frontdesk', 'coordinator', 'treasurer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const EVERYONE: readonly Role[] = ROLES;
/** People who work with residents' records: the front desk, coordinators and admins. */
export const CASEWORK: readonly Role[] = ['frontdesk', 'coordinator', 'admin'];
export const ADMIN_ONLY: readonly Role[] = ['admin'];
export const CATALOGUE_EDITORS: readonly Role[] = ['coordinator', 'admin'];
/** Coordinators and admins manage volunteers, tasks and plans. */
export const COORDINATION: readonly Role[] = ['coordinator', 'admin'];
/** The treasurer and admins see and change money (the cash book, grants, rent, cash flow). */
export const MONEY: readonly Role[] = ['treasurer', 'admin'];
/** The till: the front desk records sales and the daily cash-up; treasurers and admins too. */
export const TILL: readonly Role[] = ['frontdesk', 'treasurer', 'admin'];
