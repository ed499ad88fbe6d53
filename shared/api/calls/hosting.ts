// How the browser-mode host may be reached (local network opt-in) (issue 6). Call names: hosting.*
import { z } from 'zod';
import { call } from '../define';
import { out, pub } from '../fields';
import { ADMIN_ONLY } from '../roles';

/** The stored choice; the browser-mode host reads it when it starts. */
export const hostingSettingsSchema = out({
  /** Other computers of the local network may open Hearth (listen on 0.0.0.0; sign-in always required). */
  allowLan: pub(z.boolean()),
});
export type HostingSettings = z.output<typeof hostingSettingsSchema>;

export const hostingCalls = {
  'hosting.get': call({
    output: hostingSettingsSchema,
    input: z.object({}),
    roles: ADMIN_ONLY,
    reads: ['app'],
    summary: 'Whether other computers of the local network may open browser mode (off: this computer only).',
  }),
  'hosting.setAllowLan': call({
    output: hostingSettingsSchema,
    input: z.object({ allowLan: z.boolean() }),
    roles: ADMIN_ONLY,
    changes: ['app'],
    summary:
      'Allow or refuse other computers of the local network in browser mode, from the next start. When allowed, every call needs a signed-in user, even with the launch token.',
  }),
};
