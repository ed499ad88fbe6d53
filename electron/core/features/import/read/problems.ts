/**
 * A file that cannot be imported at all (empty, of another kind, locked, mixed encodings…): the
 * reason is an i18n key in common `validation.*`, so every screen and the command line translate it.
 */
export const FILE_PROBLEMS = [
  'importEmpty',
  'importWrongKind',
  'importHeaderOnly',
  'importCellTooLong',
  'importDuplicateHeader',
  'importMixedEncoding',
  'importLocked',
  'importTooLarge',
  'importNoSheet',
] as const;
export type FileProblem = (typeof FILE_PROBLEMS)[number];

export class ImportProblem extends Error {
  readonly problem: FileProblem;
  readonly detail: string | undefined;
  constructor(problem: FileProblem, detail?: string) {
    super(`The file cannot be imported: ${problem}${detail ? ` (${detail})` : ''}`);
    this.name = 'ImportProblem';
    this.problem = problem;
    this.detail = detail;
  }
}
