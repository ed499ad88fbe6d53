import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/api/errors';
import type { FeatureHandlers } from '../../handlers';
import type { reportExportCalls } from '../../../../shared/api/calls/reportExports';
import { EXPORT_DIR } from '../../data-folder';
import { readSettings } from '../settings/settings.service';
import { languageOf, reportsService } from './reports.service';
import { translator } from '../../i18n';
import { reportDocument, reportXlsx, resultsCsv } from './reports.export';

type Calls = keyof typeof reportExportCalls;

/** The results report as an XLSX or CSV file in the data folder's exports (as cashflow.export). */
export const reportExportHandlers: FeatureHandlers<Calls> = {
  'reports.export': async (input, ctx, deps) => {
    if (deps.paths.dataDir === null) throw new AppError('notFound', 'Exports need a data folder');
    const settings = await readSettings(deps.db);
    if (!settings) throw new AppError('setupRequired', 'The centre is not set up yet');
    const language = await languageOf(deps.db, ctx.actor, input.language);
    const report = await reportsService(deps).results({ from: input.from, to: input.to, language }, ctx.actor);
    const doc = reportDocument(report, language, settings.centreName);
    const content = input.format === 'xlsx' ? await reportXlsx(doc) : Buffer.from(resultsCsv(report, translator(language)), 'utf8');
    const dir = path.join(deps.paths.dataDir, EXPORT_DIR);
    mkdirSync(dir, { recursive: true });
    const stamp = deps.clock.now().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const id = `results-${input.from}-${input.to}-${language}-${stamp}.${input.format}`;
    // Written under a temporary name and renamed, so a download never sees half a file.
    const tmp = path.join(dir, `.${id}.tmp`);
    writeFileSync(tmp, content);
    renameSync(tmp, path.join(dir, id));
    return { id, sheets: doc.sections.length + 1 };
  },
};
