// Policy through the API: GET/PUT /v1/policies/{prefix} (the override stored for a prefix;
// `national` is the empty prefix) and GET /v1/jurisdictions/{code}/policy (the policy in force
// there, with the prefix each setting came from); GET/PUT /v1/calendars/{year} (a year's national
// holiday notice, or the statutory holidays computed while it is not loaded).
import { notFound, unprocessable } from '../../../core/errors.ts';
import { BUILT_IN_NOTICES, noticeProblems } from '../../../core/holidays.ts';
import { statutoryDays, statutoryHolidays } from '../../../core/statutory-holidays.ts';
import { NATIONAL_PREFIX } from '../../../core/policy.ts';
import { byRoute, json, route } from '../../shared/http.ts';
import { type LoadedNotice, existingJurisdictions, getPolicyOverride, loadedNotice, putCalendarNotice, putPolicyOverride, resolvedPolicy } from '../../shared/store/reference.ts';
import { queueRecount, settleMissingNotices } from '../../shared/calendars.ts';
import { actorOf } from '../../../core/workflows/engine.ts';
import { requireKnownJurisdictions } from '../../shared/cases.ts';
import * as declared from './routes.ts';

const storedPrefix = (prefix: string) => (prefix === NATIONAL_PREFIX ? '' : prefix);

/** A year as the API shows it: its notice (loaded, else built in), else the law's holidays. */
function calendarYear(year: number, loaded: LoadedNotice | undefined) {
  const notice: LoadedNotice | (typeof BUILT_IN_NOTICES)[number] | undefined = loaded ?? BUILT_IN_NOTICES.find((n) => n.year === year);
  const statutory = statutoryDays(year);
  if (!notice) return { year, source: 'statutory' as const, holidays: statutoryHolidays(year).holidays, workdays: [], statutory };
  const { holidays, workdays, year: _year, ...about } = notice;
  return { year, source: 'notice' as const, notice: { ...about, builtIn: !('loadedAt' in notice) }, holidays, workdays, statutory };
}

export const handler = byRoute([
  route(declared.readPolicy, async ({ params }) => {
    const found = await getPolicyOverride(storedPrefix(params.prefix));
    if (!found) throw notFound(`no policy override for ${params.prefix}`);
    return json(200, { prefix: params.prefix, ...found });
  }),
  route(declared.putPolicy, async ({ params, body, principal, now }) => {
    const prefix = storedPrefix(params.prefix);
    if (prefix !== '') await requireKnownJurisdictions({ prefix }, ['prefix'] as const);
    const existed = (await getPolicyOverride(prefix)) !== undefined;
    const at = now.toISOString();
    await putPolicyOverride(prefix, body, { sub: principal.sub, at });
    return json(existed ? 200 : 201, { prefix: params.prefix, override: body, updatedAt: at, updatedBy: principal.sub });
  }),
  route(declared.readCalendar, async ({ params }) => json(200, calendarYear(params.year, await loadedNotice(params.year)))),
  route(declared.loadCalendar, async ({ params, body, principal, now }) => {
    const problems = noticeProblems({ year: params.year, ...body });
    if (problems.length > 0) throw unprocessable(problems, `the notice does not fit ${params.year}`);
    const notice = { year: params.year, ...body, holidays: [...body.holidays].sort(), workdays: [...body.workdays].sort(), loadedAt: now.toISOString(), loadedBy: principal.sub };
    const existed = (await loadedNotice(params.year)) !== undefined;
    await putCalendarNotice(notice);
    // Deadlines counted provisionally are counted again with it, on the deadlines queue.
    await queueRecount();
    // The inbox's reminders that it was missing are read: the one who loaded it answered them.
    await settleMissingNotices(params.year, actorOf(principal), now.toISOString());
    return json(existed ? 200 : 201, calendarYear(params.year, notice));
  }),
  route(declared.policyInForce, async ({ params }) => {
    if (!(await existingJurisdictions([params.code])).has(params.code)) throw notFound(`no jurisdiction ${params.code}`);
    return json(200, { code: params.code, ...(await resolvedPolicy(params.code)) });
  }),
]);
