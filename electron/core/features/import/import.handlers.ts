import type { FeatureHandlers } from '../../handlers';
import { fieldText } from '../../../../shared/api/error-text';
import { errorTranslate, translator } from '../../i18n';
import { languageOf } from '../reports/reports.service';
import { importService } from './import.service';

type ImportCalls = 'import.preview' | 'import.dryRun' | 'import.run' | 'import.mappings' | 'import.saveMapping' | 'import.reports' | 'import.rejectedSheet';

export const importHandlers: FeatureHandlers<ImportCalls> = {
  'import.preview': (input, _ctx, deps) => importService(deps).preview(input.kind, input.file),
  'import.dryRun': (input, _ctx, deps) => importService(deps).dryRun(input.kind, input.file, input.mapping),
  'import.run': (input, ctx, deps) => importService(deps).run(input.kind, input.file, input.mapping, ctx.actor),
  'import.mappings': (input, _ctx, deps) => importService(deps).mappings(input.kind),
  'import.saveMapping': (input, ctx, deps) => importService(deps).saveMapping(input.kind, input.name, input.mapping, ctx.actor),
  'import.reports': (input, _ctx, deps) => importService(deps).reports(input.kind),
  // The reasons in words of the user's language (else the centre's), as the screen shows them.
  'import.rejectedSheet': async (input, ctx, deps) => {
    const tr = errorTranslate(translator(await languageOf(deps.db, ctx.actor, undefined)));
    return importService(deps).rejectedSheet(input.reportId, (key) => fieldText(tr, key));
  },
};
