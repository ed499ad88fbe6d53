import { AppError, type FieldIssue } from '../../shared/api/errors';

/**
 * Field issues gathered before anything is written, so that a refused change names every field
 * that is wrong at once (one issue per field: the first found wins), with optional counts for the
 * message (`details`, e.g. how many open actions a case still has). The services of households,
 * assessments, cases, projects, events and the shelter refuse through it.
 */
export class FieldIssues {
  readonly list: FieldIssue[] = [];
  details: Record<string, number> = {};
  /** `refusal`: the English sentence of the log line, never shown (the fields are translated). */
  constructor(private readonly refusal: string) {}
  add(path: string, message: string): void {
    if (!this.list.some((f) => f.path === path)) this.list.push({ path, message });
  }
  throwIfAny(): void {
    if (this.list.length === 0) return;
    throw new AppError('validation', this.refusal, {
      fields: this.list,
      ...(Object.keys(this.details).length > 0 ? { details: this.details } : {}),
    });
  }
}
