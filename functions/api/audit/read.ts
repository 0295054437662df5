// GET /v1/me/access-log: which offices and agencies read, changed or received the signed-in
// person's record, when and why (the office always; its staff where its policy says so). GET /v1/audit?sub=&from=&to=:
// what one user read and wrote, for a supervisor over the users of their jurisdiction.
import { endOfLocalDate, addCalendarDays } from '../../../core/calendar.ts';
import { auditWithinReach } from '../../../core/access.ts';
import { byRoute, json, route } from '../../shared/http.ts';
import { auditByActor, auditOf } from '../../shared/store/audit.ts';
import { personKey } from '../../shared/store/case-codec.ts';
import { policyFor } from '../../shared/store/reference.ts';
import { accessLog, userAudit } from './routes.ts';

export const handler = byRoute([
  route(accessLog, async ({ query, principal }) => {
    const page = await auditOf(await personKey(principal.idNumber!), query.limit, query.cursor);
    // Each office's policy says whether its staff are named; offices always are.
    const naming = new Map<string, boolean>();
    for (const office of new Set(page.items.flatMap((e) => (e.office ? [e.office] : [])))) naming.set(office, (await policyFor(office)).accessLogNamesStaff);
    const items = page.items
      // The person's own reads are not what they are asking about.
      .filter((e) => e.sub !== principal.sub)
      .map((e) => ({
        at: e.at,
        action: e.action,
        ...(e.caseId ? { caseId: e.caseId, caseType: e.caseType } : {}),
        purpose: e.purpose,
        ...(e.reason ? { reason: e.reason } : {}),
        by: { role: e.role, ...(e.office ? { office: e.office } : {}), ...(e.agency ? { agency: e.agency } : {}), ...(e.office && naming.get(e.office) ? { sub: e.sub } : {}) },
      }));
    return json(200, { items, ...(page.cursor ? { cursor: page.cursor } : {}) });
  }),
  route(userAudit, async ({ query, principal }) => {
    const from = endOfLocalDate(addCalendarDays(query.from, -1));
    const to = endOfLocalDate(query.to);
    const page = await auditByActor(query.sub, from, to, query.limit, query.cursor);
    // A supervisor sees what the users of their own jurisdiction did, nobody else's.
    const items = auditWithinReach(principal, page.items);
    return json(200, { items, ...(page.cursor ? { cursor: page.cursor } : {}) });
  }),
]);
