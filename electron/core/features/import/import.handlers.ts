import type { FeatureHandlers } from '../../handlers';
import { importService } from './import.service';
import { translator } from '../../i18n';
import { languageOf } from '../reports/reports.service';

type ImportCalls = 'import.preview' | 'import.dryRun' | 'import.run' | 'import.mappings' | 'import.saveMapping' | 'import.reports' | 'import.rejectedSheet';

export const importHandlers: FeatureHandlers<ImportCalls> = {
  'import.preview': (input, _ctx, deps) => importService(deps).preview(input.kind, input.file),
  'import.dryRun': (input, _ctx, deps) => importService(deps).dryRun(input.kind, input.file, input.mapping),
  'import.run': (input, ctx, deps) => importService(deps).run(input.kind, input.file, input.mapping, ctx.actor),
  'import.mappings': (input, _ctx, deps) => importService(deps).mappings(input.kind),
  'import.saveMapping': (input, ctx, deps) => importService(deps).saveMapping(input.kind, input.name, input.mapping, ctx.actor),
  'import.reports': (input, _ctx, deps) => importService(deps).reports(input.kind),
  // The reasons as text in the user's language (their own, else the centre's), as the command line prints them.
  'import.rejectedSheet': async (input, ctx, deps) => {
    const t = translator(await languageOf(deps.db, ctx.actor, undefined));
    return importService(deps).rejectedSheet(input.reportId, (key, text) => t(`common:${key}`, text !== null ? { text } : {}));
  },
};
