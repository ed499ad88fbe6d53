import { z } from 'zod';
import type { Role } from '../../shared/api/roles';
import { passwordProblem } from '../../shared/domain/users';

/** A secret typed twice: the field that holds it, its repeat field, and the repeat's message when they differ. */
export interface Repeat {
  first: string;
  repeat: string;
  message: 'validation.passwordsDiffer' | 'validation.pinsDiffer';
}

export const PASSWORD_REPEAT: Repeat = { first: 'password', repeat: 'passwordRepeat', message: 'validation.passwordsDiffer' };
export const PIN_REPEAT: Repeat = { first: 'pin', repeat: 'pinRepeat', message: 'validation.pinsDiffer' };

/**
 * A form's schema built on a call's input schema: the repeat fields (the same text as their first
 * field; a first field left out or null is compared as '') and, with `role`, the role's password
 * length, which the contract's passwordSchema leaves to the core (users.create's own schema has it).
 */
export function secretFormSchema(input: z.ZodObject, options: { repeats: Repeat[]; role?: Role }): z.ZodType {
  const shape = Object.fromEntries(options.repeats.map((r) => [r.repeat, z.string()]));
  return input.safeExtend(shape).superRefine((value, ctx) => {
    const v = value as Record<string, unknown>;
    const text = (key: string) => (typeof v[key] === 'string' ? (v[key] as string) : '');
    if (options.role !== undefined && typeof v.password === 'string' && v.password !== '') {
      const problem = passwordProblem(v.password, options.role);
      if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
    }
    for (const r of options.repeats) {
      if (text(r.first) !== text(r.repeat)) ctx.addIssue({ code: 'custom', path: [r.repeat], message: r.message });
    }
  });
}
