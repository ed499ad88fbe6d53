import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/api/errors';
import type { FeatureHandlers } from '../../handlers';
import type { cashflowCalls } from '../../../../shared/api/calls/cashflow';
import { EXPORT_DIR } from '../../data-folder';
import { readSettings } from '../settings/settings.service';
import { cashflowService } from './cashflow.service';
import { cashflowCsv, cashflowTable, cashflowXlsx } from './cashflow.export';

type Calls = keyof typeof cashflowCalls;

/** The monthly cash flow, its XLSX/CSV export and the outlook (treasurer issue). */
export const cashflowHandlers: FeatureHandlers<Calls> = {
  'cashflow.report': (input, _ctx, deps) => cashflowService(deps).report(input),
  'cashflow.outlook': (input, _ctx, deps) => cashflowService(deps).outlook(input.months),
  'cashflow.export': async (input, _ctx, deps) => {
    if (deps.paths.dataDir === null) throw new AppError('notFound', 'Exports need a data folder');
    const settings = await readSettings(deps.db);
    if (!settings) throw new AppError('setupRequired', 'The centre is not set up yet');
    const report = await cashflowService(deps).report({ from: input.from, to: input.to, accountId: input.accountId });
    const table = cashflowTable(report, settings.language, settings.centreName);
    const content = input.format === 'xlsx' ? await cashflowXlsx(table) : Buffer.from(cashflowCsv(table, settings.language), 'utf8');
    const dir = path.join(deps.paths.dataDir, EXPORT_DIR);
    mkdirSync(dir, { recursive: true });
    const stamp = deps.clock.now().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const id = `cashflow-${input.from}-${input.to}${input.accountId !== undefined ? `-account${input.accountId}` : ''}-${stamp}.${input.format}`;
    // Written under a temporary name and renamed, so a download never sees half a file.
    const tmp = path.join(dir, `.${id}.tmp`);
    writeFileSync(tmp, content);
    renameSync(tmp, path.join(dir, id));
    return { id, rows: table.rows.length };
  },
};
