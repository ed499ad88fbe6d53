// The cash book (treasurer issue): accounts, categories, income and expenses, transfers, reversals, volunteer advances to reimburse. Call names: accounts.*, cashbook.*
import { z } from 'zod';
import { call } from '../define';
import { MONEY } from '../roles';
import {
  accountInputSchema,
  categoryInputSchema,
  entryFiltersSchema,
  entryInputSchema,
  reverseInputSchema,
  settleAdvanceInputSchema,
  transferInputSchema,
  accountDtoSchema,
  categoryDtoSchema,
  entryDtoSchema,
  entryListSchema,
  grantOptionSchema,
  pendingAdvanceSchema,
  postedEntrySchema,
} from '../../domain/cashbook';

const id = z.number().int().positive();

export const cashbookCalls = {
  'accounts.list': call({
    output: z.array(accountDtoSchema),
    input: z.object({ includeArchived: z.boolean().default(false) }),
    roles: MONEY,
    reads: ['money'],
    summary: 'Accounts (cash box, bank, …) with their balance: the opening balance plus the sum of the entries.',
  }),
  'accounts.create': call({
    output: accountDtoSchema,
    input: accountInputSchema,
    roles: MONEY,
    changes: ['money'],
    summary: 'Open an account with its currency and opening balance.',
  }),
  'accounts.update': call({
    output: accountDtoSchema,
    input: z.object({ id, data: accountInputSchema }),
    roles: MONEY,
    changes: ['money'],
    summary: "Change an account's name, kind, opening balance and date (the currency only while it has no entries).",
  }),
  'accounts.setArchived': call({
    output: accountDtoSchema,
    input: z.object({ id, archived: z.boolean() }),
    roles: MONEY,
    changes: ['money'],
    summary: 'Archive an account (no new entries) or bring it back.',
  }),
  'cashbook.categories': call({
    output: z.array(categoryDtoSchema),
    input: z.object({ includeArchived: z.boolean().default(false) }),
    roles: MONEY,
    reads: ['money'],
    summary: 'Income and expense categories: the built-in ones (translated) and the centre’s own.',
  }),
  'cashbook.createCategory': call({
    output: categoryDtoSchema,
    input: categoryInputSchema,
    roles: MONEY,
    changes: ['money'],
    summary: 'Add a category of the centre’s own (income or expense).',
  }),
  'cashbook.renameCategory': call({
    output: categoryDtoSchema,
    input: z.object({ id, name: categoryInputSchema.shape.name }),
    roles: MONEY,
    changes: ['money'],
    summary: 'Rename one of the centre’s own categories (built-in ones are translated, not renamed).',
  }),
  'cashbook.setCategoryArchived': call({
    output: categoryDtoSchema,
    input: z.object({ id, archived: z.boolean() }),
    roles: MONEY,
    changes: ['money'],
    summary: 'Archive a category (no new entries) or bring it back.',
  }),
  'cashbook.list': call({
    output: entryListSchema,
    input: entryFiltersSchema,
    roles: MONEY,
    reads: ['money'],
    summary: 'Entries newest first, by account, month range, category and text; with the running balance when one account is chosen.',
  }),
  'cashbook.post': call({
    output: postedEntrySchema,
    input: entryInputSchema,
    roles: MONEY,
    changes: ['money'],
    summary: 'Record income or an expense (a positive amount; the direction is the type), optionally on a grant’s budget line; warns when the grant’s period has ended.',
  }),
  'cashbook.transfer': call({
    output: z.array(entryDtoSchema),
    input: transferInputSchema,
    roles: MONEY,
    changes: ['money'],
    summary: 'Move money between two accounts of the same currency (two entries sharing a transfer group).',
  }),
  'cashbook.reverse': call({
    output: z.array(entryDtoSchema),
    input: reverseInputSchema,
    roles: MONEY,
    changes: ['money'],
    summary: 'Correct a posted entry by a reversing entry (both legs of a transfer); a reversal and an entry already reversed are refused.',
  }),
  'cashbook.grantOptions': call({
    output: z.array(grantOptionSchema),
    input: z.object({}),
    roles: MONEY,
    reads: ['money'],
    summary: 'Grants with their period and budget lines, to assign an expense to.',
  }),
  'cashbook.pendingAdvances': call({
    output: z.array(pendingAdvanceSchema),
    input: z.object({}),
    roles: MONEY,
    reads: ['money', 'tasks', 'volunteers', 'residents'],
    summary: 'Money volunteers advanced on tasks and not reimbursed yet.',
  }),
  'cashbook.settleAdvance': call({
    output: entryDtoSchema,
    input: settleAdvanceInputSchema,
    roles: MONEY,
    changes: ['money', 'tasks'],
    summary: 'Reimburse a volunteer’s advance: an expense from an account, and the advance marked settled (once).',
  }),
} as const;
