/**
 * Needs assessments and social histories (issue 13): a dated assessment of a resident or of a
 * household by a named worker, of a kind the centre configures, with the needs found (an area and
 * its severity), a conclusion, the services proposed and an optional follow-up date.
 * Built-in kinds and areas have a code (labels: common:assessment.kind.<code>,
 * common:assessment.area.<code>); the centre's own have a name.
 * What an assessment found and concluded is casework content (`caseContent`): the front desk sees
 * that an assessment exists (its kind, date, worker and follow-up date), never what it says.
 */
import { z } from 'zod';
import { caseContent, identity, out, pub } from '../api/fields';
import { isoDateSchema as isoDate } from './dates';

export const BUILT_IN_KINDS = ['needsAssessment', 'socialHistory', 'warAffectedChild'] as const;
export const BUILT_IN_AREAS = ['housing', 'income', 'health', 'care', 'documents', 'children', 'safety', 'employment', 'warAffected'] as const;
export const OPTION_LISTS = ['kind', 'area'] as const;
export type OptionList = (typeof OPTION_LISTS)[number];
export const SEVERITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Need areas one assessment may list (every area at most once). */
export const MAX_NEEDS = 40;

const id = z.number().int().positive();
const text = (max: number) => z.string('validation.invalid').trim().max(max, 'validation.tooLong');

export const needInputSchema = z.object({ areaId: id, severity: z.enum(SEVERITIES) });

/** What is recorded (and corrected): everything but whom the assessment is of. */
export const assessmentDataSchema = z.object({
  kindId: id,
  assessedOn: isoDate,
  /** The worker who made it (a user). */
  workerId: id,
  needs: z.array(needInputSchema).max(MAX_NEEDS, 'validation.tooMany').default([]),
  conclusion: text(4000).default(''),
  services: text(4000).default(''),
  /** Not before the assessment's date. */
  followUpOn: isoDate.nullable().default(null),
});
export type AssessmentData = z.output<typeof assessmentDataSchema>;
export type AssessmentInput = z.input<typeof assessmentDataSchema>;

// Outputs: every field with its group. Kinds, areas, dates and workers are public; what was found,
// concluded and proposed is casework content; the name of the person or household is identity.

const str = z.string();
const num = z.number();

export const assessmentOptionSchema = out({
  id: pub(num),
  list: pub(z.enum(OPTION_LISTS)),
  /** A built-in entry's code (its label is translated); null for the centre's own. */
  code: pub(str.nullable()),
  /** The centre's own entry's name; null for a built-in one. */
  name: pub(str.nullable()),
  archived: pub(z.boolean()),
  /** Used by an assessment (such an entry is archived, never renamed into something else). */
  inUse: pub(z.boolean()),
});
export type AssessmentOption = z.output<typeof assessmentOptionSchema>;

export const assessmentNeedSchema = out({
  areaId: pub(num),
  areaCode: pub(str.nullable()),
  areaName: pub(str.nullable()),
  severity: pub(z.enum(SEVERITIES)),
});
export type AssessmentNeed = z.output<typeof assessmentNeedSchema>;

export const assessmentSchema = out({
  id: pub(num),
  /** Of a resident, or of a household (one of the two; neither once the person was erased). */
  residentId: pub(num.nullable()),
  householdId: pub(num.nullable()),
  /** The resident assessed, or the household's head now (whose page to go back to). */
  subjectResidentId: pub(num.nullable()),
  /** The resident's name, or the household head's. */
  subjectName: identity(str.nullable()),
  kindId: pub(num),
  kindCode: pub(str.nullable()),
  kindName: pub(str.nullable()),
  assessedOn: pub(str),
  workerId: pub(num),
  workerName: pub(str),
  followUpOn: pub(str.nullable()),
  needs: caseContent(z.array(assessmentNeedSchema)),
  conclusion: caseContent(str),
  services: caseContent(str),
  createdAt: pub(str),
  updatedAt: pub(str),
});
export type Assessment = z.output<typeof assessmentSchema>;

export const assessmentListSchema = out({
  items: pub(z.array(assessmentSchema)),
});
export type AssessmentList = z.output<typeof assessmentListSchema>;

export const assessmentOptionsSchema = out({
  kinds: pub(z.array(assessmentOptionSchema)),
  areas: pub(z.array(assessmentOptionSchema)),
  /** Who may make an assessment: the active coordinators and admins (their names are public, as on every record). */
  workers: pub(z.array(out({ id: pub(num), name: pub(str) }))),
});
export type AssessmentOptions = z.output<typeof assessmentOptionsSchema>;
