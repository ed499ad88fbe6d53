// What the app reports about itself to the core (not the centre's data). Call names: app.*
import { z } from 'zod';
import { call } from '../define';
import { EVERYONE } from '../roles';
import { MAX_COMPONENTS, MAX_MESSAGE } from '../../logging/renderer-error';

const identifier = z.string().max(100);

export const appCalls = {
  'app.reportError': call({
    output: z.null(),
    input: z.object({
      name: identifier,
      message: z.string().max(MAX_MESSAGE + 10),
      route: z.string().max(100).nullable(),
      components: z.array(identifier).max(MAX_COMPONENTS),
    }),
    roles: EVERYONE,
    // A screen can break before anyone signs in (the sign-in screen, the first run) or while the
    // session is locked: the report still reaches the log.
    public: true,
    summary:
      "A screen of the UI broke: the error's kind, its message with every value blanked, the route pattern and the component names go to the core's log (blanked again there; at most 30 a minute).",
  }),
};
