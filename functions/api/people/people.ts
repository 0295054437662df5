// POST /v1/people/search: an office finds a person's cases within its reach by ID number (in the
// body, so in no access log; through the blind index), with a reason. POST /v1/cases/{id}/reveal:
// the full ID and phone numbers of a case the office works, with a reason. Both are recorded in
// the audit the person reads, with the reason.
import type { Principal } from '../../../core/principal.ts';
import { reachableCases } from '../../../core/access.ts';
import { noteCase, noteLookup } from '../../shared/audit.ts';
import { caseView } from '../../shared/cases.ts';
import { byRoute, json, route } from '../../shared/http.ts';
import { limitCaller } from '../../shared/rate-limit.ts';
import { listPersonCases } from '../../shared/store/cases.ts';
import { revealNumbers, searchPeople } from './routes.ts';

/** At most this many of a person's cases in one answer: more than anyone has. */
const SEARCH_LIMIT = 100;
/** Lookups and reveals one account may make a minute: a window's pace, not a sweep through the register. */
const PER_MINUTE = Number(process.env.PERSON_LOOKUPS_PER_MINUTE ?? 20);
const limit = (principal: Principal) => limitCaller(`people#${principal.sub}`, PER_MINUTE, 'person lookups and reveals');

export const handler = byRoute([
  route(searchPeople, { limit }, async ({ body, principal }) => {
    const { items } = await listPersonCases(body.idNumber, {}, SEARCH_LIMIT);
    const reachable = reachableCases(principal, items);
    for (const c of reachable) noteCase(c, { action: 'lookup' });
    // Nothing within reach: the person still sees that this office looked.
    if (reachable.length === 0) noteLookup(body.idNumber, body.reason);
    return json(200, { items: reachable.map((c) => caseView(c)) });
  }),
  route(revealNumbers, { limit }, async ({ body, resource: c }) => {
    const person = ('person' in c ? c.person : 'responsiblePerson' in c ? c.responsiblePerson : undefined) as { idNumber?: string; phone?: string } | undefined;
    const fields = body.fields ?? ['idNumber', 'phone'];
    // The read route() noted when it loaded the case is replaced by what was revealed.
    noteCase(c, { action: 'reveal', fields });
    return json(200, {
      caseId: c.id,
      ...(person?.idNumber && fields.includes('idNumber') ? { idNumber: person.idNumber } : {}),
      ...(person?.phone && fields.includes('phone') ? { phone: person.phone } : {}),
    });
  }),
]);
