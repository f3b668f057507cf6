/** getView: everything one macro needs to render, in one call. */
import { z } from 'zod';
import { buildView, summariseProgramme } from '../domain/build-view';
import { unreadableNotices } from '../domain/notices';
import { fail } from '../shared/errors';
import { LOCALES } from '../shared/vocabulary';
import { readInitiativesWithProgress } from '../storage';
import { authoriseRead } from './access';
import { defineResolver } from './define';

export const getView = defineResolver('getView', {
  authorise: authoriseRead,
  payload: z.strictObject({ locale: z.enum(LOCALES).optional(), includeArchived: z.boolean().optional() }),
  async run(input, snapshot, call) {
    // Archived initiatives are the programme's data like any other: the same read rule covers them.
    const config = input.includeArchived ? { ...call.config, showArchived: true } : call.config;
    if (!call.macro) fail('PERMISSION', 'Only available inside one of the app’s macros', { reason: 'not-in-macro' });
    if (!snapshot) return { state: 'no-programme', macro: call.macro, config, revision: null };
    const now = new Date();
    // Only this overview draws the needs' progress; the others read the initiatives without it.
    const whole = call.macro === 'technical-needs' ? await readInitiativesWithProgress(call.installation, snapshot) : null;
    const initiatives = whole ? whole.initiatives : snapshot.initiatives;
    // A record that cannot be read is left out, not allowed to take the view down; the view says so.
    const notices = unreadableNotices([...snapshot.unreadable, ...(whole?.unreadable ?? [])]);
    return {
      state: 'ready',
      macro: call.macro,
      config,
      programme: summariseProgramme(snapshot.programme, initiatives),
      view: buildView({
        macro: call.macro,
        programme: snapshot.programme,
        initiatives,
        config,
        now,
        // Pages are public: editors' names are shown to signed-in readers only.
        audience: call.accountId === null ? 'public' : 'signed-in',
      }),
      revision: snapshot.revision,
      generatedAt: now.toISOString(),
      ...(notices.length > 0 ? { notices } : {}),
    };
  },
});
