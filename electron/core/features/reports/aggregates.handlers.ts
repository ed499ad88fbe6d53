import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/api/errors';
import type { FeatureHandlers } from '../../handlers';
import type { aggregatesCalls } from '../../../../shared/api/calls/aggregates';
import { EXPORT_DIR } from '../../data-folder';
import { readSettings } from '../settings/settings.service';
import { aggregatesService } from './aggregates.service';
import { aggregatesCsv, aggregatesSheets, aggregatesXlsx } from './aggregates.export';
import { languageOf } from './reports.service';

type Calls = keyof typeof aggregatesCalls;

/** Funder-safe aggregates, their threshold, their file and the grant report (issue 14). */
export const aggregatesHandlers: FeatureHandlers<Calls> = {
  'reports.aggregates': (input, _ctx, deps) => aggregatesService(deps).aggregates(input),
  'reports.threshold': (_input, _ctx, deps) => aggregatesService(deps).threshold(),
  'reports.setThreshold': (input, _ctx, deps) => aggregatesService(deps).setThreshold(input.threshold),
  'reports.grant': (input, ctx, deps) => aggregatesService(deps).grant(input.grantId, ctx.actor, input.language),
  // The command line's files (aggregates.export.ts) in the data folder's exports, as reports.export.
  'reports.aggregatesExport': async (input, ctx, deps) => {
    if (deps.paths.dataDir === null) throw new AppError('notFound', 'Exports need a data folder');
    const settings = await readSettings(deps.db);
    if (!settings) throw new AppError('setupRequired', 'The centre is not set up yet');
    const language = await languageOf(deps.db, ctx.actor, input.language);
    const report = await aggregatesService(deps).aggregates({ from: input.from, to: input.to, threshold: input.threshold });
    const sheets = aggregatesSheets(report, language, settings.centreName);
    const content = input.format === 'xlsx' ? await aggregatesXlsx(sheets) : Buffer.from(aggregatesCsv(sheets), 'utf8');
    const dir = path.join(deps.paths.dataDir, EXPORT_DIR);
    mkdirSync(dir, { recursive: true });
    const stamp = deps.clock.now().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const id = `funder-safe-${input.from}-${input.to}-${language}-${stamp}.${input.format}`;
    // Written under a temporary name and renamed, so a download never sees half a file.
    const tmp = path.join(dir, `.${id}.tmp`);
    writeFileSync(tmp, content);
    renameSync(tmp, path.join(dir, id));
    return { id, sheets: sheets.length };
  },
};
