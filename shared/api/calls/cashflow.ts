// The monthly cash flow, its XLSX/CSV export and the outlook (treasurer issue). Call names: cashflow.*
import { z } from 'zod';
import { call } from '../define';
import { MONEY } from '../roles';
import { cashflowExportOutputSchema, cashflowExportSchema, cashflowRangeSchema, cashflowReportSchema, outlookSchema } from '../../domain/cashflow';

export const cashflowCalls = {
  'cashflow.report': call({
    output: cashflowReportSchema,
    input: cashflowRangeSchema,
    roles: MONEY,
    reads: ['money'],
    summary:
      'Monthly cash flow for a range of months (at most 120): opening balance, income and expenses by category, transfers, closing balance, per account and per currency.',
  }),
  'cashflow.export': call({
    audit: 'export',
    output: cashflowExportOutputSchema,
    input: cashflowExportSchema,
    roles: MONEY,
    reads: ['money'],
    summary: 'The monthly cash flow as an XLSX or CSV file (formula-safe); download it from /api/download/exports/<id>.',
  }),
  'cashflow.outlook': call({
    output: outlookSchema,
    input: z.object({ months: z.union([z.literal(3), z.literal(6)]).default(3) }),
    roles: MONEY,
    reads: ['money', 'app'],
    summary:
      "How many months the centre's money lasts: average paid-service income and fixed costs (rent, salaries, utilities) of the last complete months, the balance in the centre's currency and the grant tranches still expected.",
  }),
};
