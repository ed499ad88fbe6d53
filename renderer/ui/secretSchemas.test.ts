import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import { PASSWORD_REPEAT, PIN_REPEAT, secretFormSchema } from './secretSchemas';

/** The issues' paths and messages, in order. */
function issues(schema: ReturnType<typeof secretFormSchema>, value: unknown): [string, string][] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message]);
}

describe('form schemas built on a call input schema', () => {
  it("new user: users.create's own rules (the role's password length) and both repeats", () => {
    const schema = secretFormSchema(contract['users.create'].input, { repeats: [PASSWORD_REPEAT, PIN_REPEAT] });
    const user = { name: 'Ольга', role: 'frontdesk', language: null, password: 'olga-petrova-1', pin: '2468', passwordRepeat: 'olga-petrova-1', pinRepeat: '2468' };
    expect(issues(schema, user)).toEqual([]);
    expect(issues(schema, { ...user, password: 'short', passwordRepeat: 'short', pinRepeat: '2469' })).toEqual([
      ['password', 'validation.passwordShort'],
      ['pinRepeat', 'validation.pinsDiffer'],
    ]);
    // No PIN (null) and an empty repeat are the same.
    expect(issues(schema, { ...user, pin: null, pinRepeat: '' })).toEqual([]);
    // An admin needs 10 characters.
    expect(issues(schema, { ...user, role: 'admin', pin: null, pinRepeat: '', password: 'nine-char', passwordRepeat: 'nine-char' })).toEqual([['password', 'validation.passwordShortStrong']]);
  });

  it("a reset password: the contract's schema knows no role, the form's adds it; the repeat differs", () => {
    const schema = secretFormSchema(contract['users.resetPassword'].input, { repeats: [PASSWORD_REPEAT], role: 'treasurer' });
    expect(contract['users.resetPassword'].input.safeParse({ id: 3, password: 'eight-ch' }).success).toBe(true);
    expect(issues(schema, { id: 3, password: 'eight-ch', passwordRepeat: 'eight-ch' })).toEqual([['password', 'validation.passwordShortStrong']]);
    expect(issues(schema, { id: 3, password: 'treasurer-pass-1', passwordRepeat: 'treasurer-pass-2' })).toEqual([['passwordRepeat', 'validation.passwordsDiffer']]);
    expect(issues(schema, { id: 3, password: '', passwordRepeat: '' })[0]).toEqual(['password', 'validation.required']);
  });
});
