// The cash book (treasurer issue): accounts, categories, income and expenses, transfers, reversals, volunteer advances to reimburse. Call names: accounts.*, cashbook.*
import { z } from 'zod';
import { call, returns } from '../define';
import { MONEY } from '../roles';
import {
  accountInputSchema,
  categoryInputSchema,
  entryFiltersSchema,
  entryInputSchema,
  reverseInputSchema,
  settleAdvanceInputSchema,
  transferInputSchema,
  type AccountDto,
  type CategoryDto,
  type EntryDto,
  type EntryList,
  type GrantOption,
  type PendingAdvance,
  type PostedEntry,
} from '../../domain/cashbook';

const id = z.number().int().positive();

export const cashbookCalls = {
  'accounts.list': call({
    output: returns<AccountDto[]>(),
    input: z.object({ includeArchived: z.boolean().default(false) }),
    roles: MONEY,
    summary: 'Accounts (cash box, bank, …) with their balance: the opening balance plus the sum of the entries.',
  }),
  'accounts.create': call({
    output: returns<AccountDto>(),
    input: accountInputSchema,
    roles: MONEY,
    changes: ['money'],
    summary: 'Open an account with its currency and opening balance.',
  }),
  'accounts.update': call({
    output: returns<AccountDto>(),
    input: z.object({ id, data: accountInputSchema }),
    roles: MONEY,
    changes: ['money'],
    summary: "Change an account's name, kind, opening balance and date (the currency only while it has no entries).",
  }),
  'accounts.setArchived': call({
    output: returns<AccountDto>(),
    input: z.object({ id, archived: z.boolean() }),
    roles: MONEY,
    changes: ['money'],
    summary: 'Archive an account (no new entries) or bring it back.',
  }),
  'cashbook.categories': call({
    output: returns<CategoryDto[]>(),
    input: z.object({ includeArchived: z.boolean().default(false) }),
    roles: MONEY,
    summary: 'Income and expense categories: the built-in ones (translated) and the centre’s own.',
  }),
  'cashbook.createCategory': call({
    output: returns<CategoryDto>(),
    input: categoryInputSchema,
    roles: MONEY,
    changes: ['money'],
    summary: 'Add a category of the centre’s own (income or expense).',
  }),
  'cashbook.renameCategory': call({
    output: returns<CategoryDto>(),
    input: z.object({ id, name: categoryInputSchema.shape.name }),
    roles: MONEY,
    changes: ['money'],
    summary: 'Rename one of the centre’s own categories (built-in ones are translated, not renamed).',
  }),
  'cashbook.setCategoryArchived': call({
    output: returns<CategoryDto>(),
    input: z.object({ id, archived: z.boolean() }),
    roles: MONEY,
    changes: ['money'],
    summary: 'Archive a category (no new entries) or bring it back.',
  }),
  'cashbook.list': call({
    output: returns<EntryList>(),
    input: entryFiltersSchema,
    roles: MONEY,
    summary: 'Entries newest first, by account, month range, category and text; with the running balance when one account is chosen.',
  }),
  'cashbook.post': call({
    output: returns<PostedEntry>(),
    input: entryInputSchema,
    roles: MONEY,
    changes: ['money'],
    summary: 'Record income or an expense (a positive amount; the direction is the type), optionally on a grant’s budget line; warns when the grant’s period has ended.',
  }),
  'cashbook.transfer': call({
    output: returns<EntryDto[]>(),
    input: transferInputSchema,
    roles: MONEY,
    changes: ['money'],
    summary: 'Move money between two accounts of the same currency (two entries sharing a transfer group).',
  }),
  'cashbook.reverse': call({
    output: returns<EntryDto[]>(),
    input: reverseInputSchema,
    roles: MONEY,
    changes: ['money'],
    summary: 'Correct a posted entry by a reversing entry (both legs of a transfer); a reversal and an entry already reversed are refused.',
  }),
  'cashbook.grantOptions': call({
    output: returns<GrantOption[]>(),
    input: z.object({}),
    roles: MONEY,
    summary: 'Grants with their period and budget lines, to assign an expense to.',
  }),
  'cashbook.pendingAdvances': call({
    output: returns<PendingAdvance[]>(),
    input: z.object({}),
    roles: MONEY,
    summary: 'Money volunteers advanced on tasks and not reimbursed yet.',
  }),
  'cashbook.settleAdvance': call({
    output: returns<EntryDto>(),
    input: settleAdvanceInputSchema,
    roles: MONEY,
    changes: ['money', 'tasks'],
    summary: 'Reimburse a volunteer’s advance: an expense from an account, and the advance marked settled (once).',
  }),
} as const;
