// Calls of the results report (issue 14): "results in numbers" for a period, and the named list
// behind a number. The figures are defined once in electron/core/features/reports/figures.ts.
import { call } from '../define';
import { CASEWORK, EVERYONE } from '../roles';
import { reportPeopleSchema, reportsPeopleInputSchema, reportsResultsInputSchema, resultsReportSchema } from '../../domain/reports';

export const resultsCalls = {
  'reports.results': call({
    output: resultsReportSchema,
    input: reportsResultsInputSchema,
    // Counts, nobody named: every role; money only to the roles that receive the money group.
    roles: EVERYONE,
    reads: ['residents', 'requests', 'catalogue', 'households', 'assessments', 'cases', 'projects', 'events', 'aid', 'shelter', 'tasks', 'volunteers', 'money', 'app'],
    summary:
      'Results in numbers for a period (days, both included): every figure with its breakdown and its months (distinct figures marked not to be added), people reached by settlement, money for roles that see it, and one definition sentence per figure.',
  }),
  'reports.people': call({
    output: reportPeopleSchema,
    input: reportsPeopleInputSchema,
    // The people behind a number: the roles that work with residents' records (not the treasurer).
    roles: CASEWORK,
    reads: ['residents', 'requests', 'catalogue', 'households', 'assessments', 'cases', 'projects', 'events', 'aid', 'shelter', 'tasks'],
    summary: "The residents behind a figure of the results report (optionally one row of its breakdown), by name, paged; an erased resident is listed without a name.",
  }),
} as const;
