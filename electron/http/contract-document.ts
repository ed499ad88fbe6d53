import { z } from 'zod';
import { contract, CALL_NAMES } from '../../shared/api/contract';
import { ERROR_CODES } from '../../shared/api/errors';

/**
 * The contract as a document for a centre's IT helper: every call's name, input JSON Schema
 * (generated from its zod schema), allowed roles and what it changes. Served at /api/contract.json.
 */
export function contractDocument() {
  return {
    name: 'Hearth contract',
    transport: {
      call: 'POST /api/call/<name> with a JSON body; answers { ok: true, value } or { ok: false, error: { code, message, fields? } }',
      auth: 'Authorization: Bearer <token printed by `npm run hearth -- serve`>',
      events: 'GET /api/events (server-sent events: { type: "changed", topics })',
    },
    errorCodes: ERROR_CODES,
    calls: CALL_NAMES.map((name) => {
      const def = contract[name];
      return {
        name,
        summary: def.summary,
        roles: def.roles,
        changes: def.changes,
        input: z.toJSONSchema(def.input as z.ZodType, { io: 'input', unrepresentable: 'any' }),
      };
    }),
  };
}
