/**
 * Declared outputs: every call's answer is a zod schema whose every field carries its field group
 * (ARCHITECTURE.md, "One contract"). From these marks come, with nothing kept by hand beside them:
 * - the redaction per role (`redactFor`): a field whose group the role does not receive is removed
 *   from the answer before it leaves the core;
 * - the type each role's screens receive (`View`): such a field is absent from the type, or
 *   optional where some of the call's roles receive it and others do not, so the compiler catches
 *   a screen that shows what its user never gets;
 * - the strict schema of an answer as a role receives it (`viewSchema`), for the tests;
 * - the group of a changed field, for the audit log (`groupAt`).
 *
 * Groups:
 * - identity: a resident's (or volunteer's) name and birth year;
 * - contact: address, settlement, street, house, flat, phones;
 * - health: health-related needs, situations (disability…) and case notes (residents' and
 *   volunteers' notes, request descriptions, status-change and task notes);
 * - case: casework's own content (issue 13): what a needs assessment found and concluded, a case's
 *   plan, contacts, reviews and outcome, a project participant's notes. Only the people who run
 *   the casework (coordinators, admins) receive it: the front desk sees that an assessment or a
 *   case exists, who leads it and when it is due, never what it says; the treasurer sees none;
 * - money: the cash book, balances, grants, budgets, rent, in-kind values, advances' amounts;
 * - till: the paid-services till's own figures (prices, sale totals, the day's takings, the
 *   cash-up). The front desk runs the till, so it receives this group, never `money`;
 * - audit: the audit log's own fields (admin only);
 * - public: structure, ids, dates, statuses, names of things (kinds, skills, users, categories).
 */
import { z } from 'zod';
import type { Role } from './roles';

export const FIELD_GROUPS = ['identity', 'contact', 'health', 'case', 'money', 'till', 'audit'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];
export type Group = FieldGroup | 'public';

/** Which field groups each role receives. */
export const ROLE_GROUPS = {
  // Registers residents and logs their requests (with needs); runs the till; never sees the books.
  frontdesk: ['identity', 'contact', 'health', 'till'],
  // Plans the help: needs names, addresses, phones and needs. Volunteers' advances are money the
  // coordinator hands over to the treasurer, so advances' amounts (money) reach them too.
  // Coordinators are the centre's caseworkers too (ARCHITECTURE.md, "Roles"): casework content.
  coordinator: ['identity', 'contact', 'health', 'case', 'money', 'till'],
  // Keeps the books; may see who paid at the till (a name), never addresses, phones or case notes.
  treasurer: ['identity', 'money', 'till'],
  admin: ['identity', 'contact', 'health', 'case', 'money', 'till', 'audit'],
} as const satisfies Record<Role, readonly FieldGroup[]>;

export function roleReceives(role: Role, group: Group): boolean {
  return group === 'public' || (ROLE_GROUPS[role] as readonly FieldGroup[]).includes(group);
}

/** The groups that never reach a role, for the payload tests. */
export function deniedGroups(role: Role): FieldGroup[] {
  return FIELD_GROUPS.filter((g) => !roleReceives(role, g));
}

/**
 * Groups whose values never enter the audit log (only the field name and "changed"): the log must
 * hold no names, phones, addresses, notes or health text, so that erasing a person erases them.
 */
export const AUDIT_VALUE_FREE: readonly Group[] = ['identity', 'contact', 'health', 'case'];

// ---------------------------------------------------------------------------------------------
// Marking fields

declare const groupMark: unique symbol;
/** A schema marked with its field group. The mark exists for the compiler; a registry holds it at run time. */
export type Grouped<G extends Group, S extends z.ZodType = z.ZodType> = S & { readonly [groupMark]: G };

const registry = new WeakMap<z.ZodType, Group>();

function marker<G extends Group>(group: G) {
  return <S extends z.ZodType>(schema: S): Grouped<G, S> => {
    // A copy: one schema (an id, a name) may be used in several fields of different groups.
    const copy = schema.clone() as S;
    registry.set(copy, group);
    return copy as Grouped<G, S>;
  };
}

export const pub = marker('public');
export const identity = marker('identity');
export const contact = marker('contact');
export const health = marker('health');
/** Casework content: see the groups above. */
export const caseContent = marker('case');
export const money = marker('money');
export const till = marker('till');
export const audit = marker('audit');

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; options?: z.ZodType[]; valueType?: z.ZodType; in?: z.ZodType };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'readonly', 'catch', 'prefault', 'nonoptional']);

/** The group a field is marked with (on itself or inside .optional()/.nullable()), if any. */
export function groupOf(schema: z.ZodType): Group | undefined {
  for (let s: z.ZodType | undefined = schema; s; ) {
    const g = registry.get(s);
    if (g !== undefined) return g;
    const def = defOf(s);
    s = WRAPPERS.has(def.type) ? def.innerType : undefined;
  }
  return undefined;
}

/** The group of a schema type: on itself or inside optional / nullable / default. */
export type GroupOf<S> = S extends { readonly [groupMark]: infer G }
  ? G
  : S extends z.ZodOptional<infer I>
    ? GroupOf<I>
    : S extends z.ZodNullable<infer I>
      ? GroupOf<I>
      : S extends z.ZodDefault<infer I>
        ? GroupOf<I>
        : never;

type Unmarked<S> = { [K in keyof S]: [GroupOf<S[K]>] extends [never] ? K : never }[keyof S];

/**
 * An object of a call's output. Every member must be marked (pub, identity, contact, health,
 * money, till, audit): an unmarked member does not compile.
 */
export function out<S extends Record<string, z.ZodType>>(
  shape: S & ([Unmarked<S>] extends [never] ? unknown : { 'every field needs its group (pub(), identity(), …)': Unmarked<S> }),
): z.ZodObject<S> {
  return z.object(shape as S);
}

// ---------------------------------------------------------------------------------------------
// What a role receives: the type

type RoleGroups = typeof ROLE_GROUPS;
type Receives<R extends Role, G> = G extends 'public' ? true : G extends RoleGroups[R][number] ? true : false;
/** Every role of R receives G. */
type AllReceive<R extends Role, G> = false extends (R extends Role ? Receives<R, G> : never) ? false : true;
/** Some role of R receives G. */
type SomeReceive<R extends Role, G> = true extends (R extends Role ? Receives<R, G> : never) ? true : false;
type IsOptional<S> = S extends z.ZodOptional<z.ZodType> ? true : false;
type Flatten<T> = { [K in keyof T]: T[K] } & {};

type ObjectView<Sh, R extends Role> = Flatten<
  {
    [K in keyof Sh as AllReceive<R, GroupOf<Sh[K]>> extends true ? (IsOptional<Sh[K]> extends true ? never : K) : never]: View<Sh[K], R>;
  } & {
    [K in keyof Sh as AllReceive<R, GroupOf<Sh[K]>> extends true
      ? IsOptional<Sh[K]> extends true
        ? K
        : never
      : SomeReceive<R, GroupOf<Sh[K]>> extends true
        ? K
        : never]?: View<Sh[K], R>;
  }
>;

/**
 * The answer of an output schema as the roles R receive it: a field no role of R receives is
 * absent; a field some of them receive is optional.
 */
export type View<S, R extends Role> =
  S extends z.ZodOptional<infer I>
    ? View<I, R> | undefined
    : S extends z.ZodNullable<infer I>
      ? View<I, R> | null
      : S extends z.ZodDefault<infer I>
        ? View<I, R>
        : S extends z.ZodArray<infer E>
          ? Array<View<E, R>>
          : S extends z.ZodObject<infer Sh>
            ? ObjectView<Sh, R>
            : S extends z.ZodRecord<infer K, infer V>
              ? Record<z.output<K> & PropertyKey, View<V, R>>
              : S extends z.ZodUnion<infer O>
                ? View<O[number], R>
                : z.output<S>;

// ---------------------------------------------------------------------------------------------
// What a role receives: at run time

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Copies `value` keeping only what `role` receives by the schema's marks. Members the schema does
 * not declare are dropped too (fail closed). It does not validate: the tests do (`viewSchema`).
 */
export function redactFor(schema: z.ZodType, role: Role, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'catch':
    case 'prefault':
    case 'nonoptional':
      return redactFor(def.innerType as z.ZodType, role, value);
    case 'array':
      return Array.isArray(value) ? value.map((v) => redactFor(def.element as z.ZodType, role, v)) : value;
    case 'object': {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
        const group = groupOf(field);
        if (group === undefined || !roleReceives(role, group)) continue;
        out[key] = redactFor(field, role, value[key]);
      }
      return out;
    }
    case 'record': {
      if (!isPlainObject(value)) return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactFor(def.valueType as z.ZodType, role, v)]));
    }
    case 'union': {
      // The first option the full value matches decides which fields are declared.
      const option = (def.options ?? []).find((o) => o.safeParse(value).success);
      return option ? redactFor(option, role, value) : null;
    }
    default:
      return value;
  }
}

/**
 * The strict schema of an answer as `role` receives it: the fields it does not receive are
 * removed, and any member not declared fails. For the tests of every call's answers.
 */
export function viewSchema(schema: z.ZodType, role: Role): z.ZodType {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
      return viewSchema(def.innerType as z.ZodType, role).optional();
    case 'nullable':
      return viewSchema(def.innerType as z.ZodType, role).nullable();
    case 'default':
    case 'readonly':
    case 'catch':
    case 'prefault':
    case 'nonoptional':
      return viewSchema(def.innerType as z.ZodType, role);
    case 'array':
      return z.array(viewSchema(def.element as z.ZodType, role));
    case 'object': {
      const shape: Record<string, z.ZodType> = {};
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        const group = groupOf(field);
        if (group !== undefined && roleReceives(role, group)) shape[key] = viewSchema(field, role);
      }
      return z.strictObject(shape);
    }
    case 'record':
      return z.record(z.string(), viewSchema(def.valueType as z.ZodType, role));
    case 'union':
      return z.union((def.options ?? []).map((o) => viewSchema(o, role)) as [z.ZodType, z.ZodType, ...z.ZodType[]]);
    default:
      return schema;
  }
}

/** Object members of a schema that carry no group (a hand-built z.object inside an output). */
export function unmarkedFields(schema: z.ZodType, path = ''): string[] {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) return unmarkedFields(def.innerType as z.ZodType, path);
  if (def.type === 'array') return unmarkedFields(def.element as z.ZodType, `${path}[]`);
  if (def.type === 'record') return unmarkedFields(def.valueType as z.ZodType, `${path}{}`);
  if (def.type === 'union') return (def.options ?? []).flatMap((o) => unmarkedFields(o, path));
  if (def.type !== 'object') return [];
  return Object.entries(def.shape ?? {}).flatMap(([k, f]) => {
    const here = path ? `${path}.${k}` : k;
    return [...(groupOf(f) === undefined ? [here] : []), ...unmarkedFields(f, here)];
  });
}

/**
 * The groups met on the way to a member of an answer (`['resident', 'birthYear']`), outermost
 * first; array indexes are skipped. Undefined where the schema does not declare the path.
 */
export function groupsAt(schema: z.ZodType, path: readonly string[]): Group[] | undefined {
  if (path.length === 0) return [];
  let def = defOf(schema);
  while (WRAPPERS.has(def.type) || def.type === 'array') {
    schema = (def.type === 'array' ? def.element : def.innerType) as z.ZodType;
    def = defOf(schema);
  }
  const [key, ...rest] = path as [string, ...string[]];
  // A union declares the path if one of its options does (the first one that does decides).
  if (def.type === 'union') {
    for (const option of def.options ?? []) {
      const found = groupsAt(option, path);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (/^\d+$/.test(key)) return groupsAt(schema, rest);
  let field: z.ZodType | undefined;
  if (def.type === 'object') field = def.shape?.[key];
  else if (def.type === 'record') field = def.valueType;
  if (field === undefined) return undefined;
  const g = groupOf(field);
  const inner = groupsAt(field, rest);
  return inner === undefined ? undefined : [...(g !== undefined ? [g] : []), ...inner];
}

/**
 * The schema of the value at a path of an answer (or an input), unwrapped; undefined where the
 * schema does not declare the path. For the audit log: what kind of value it is.
 */
export function leafAt(schema: z.ZodType, path: readonly string[]): z.ZodType | undefined {
  let s: z.ZodType = schema;
  for (const key of [...path, null]) {
    let def = defOf(s);
    while (WRAPPERS.has(def.type) || def.type === 'array' || def.type === 'pipe') {
      s = (def.type === 'array' ? def.element : def.type === 'pipe' ? def.in : def.innerType) as z.ZodType;
      def = defOf(s);
    }
    if (key === null) return s;
    if (def.type === 'union') {
      const rest = path.slice(path.indexOf(key));
      for (const option of def.options ?? []) {
        const found = leafAt(option, rest);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    if (/^\d+$/.test(key)) continue;
    const next = def.type === 'object' ? def.shape?.[key] : def.type === 'record' ? def.valueType : undefined;
    if (next === undefined) return undefined;
    s = next;
  }
  return s;
}

/** A value whose schema makes it a code, not words: an enum value, a literal, a flag or a number. */
export function isCodeSchema(schema: z.ZodType): boolean {
  return ['enum', 'literal', 'boolean', 'number', 'int', 'bigint', 'null'].includes(defOf(schema).type);
}
