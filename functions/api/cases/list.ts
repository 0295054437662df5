// GET /v1/cases (offices: the cases worked inside a jurisdiction), GET /v1/assistance-requests
// (received inside a jurisdiction, or sent by an office) and GET /v1/me/cases (a person's own),
// newest activity first, one index query per page.
import { byRoute, json, route } from '../../shared/http.ts';
import type { Case } from '../../../core/workflows/index.ts';
import { noteList } from '../../shared/audit.ts';
import { caseView } from '../../shared/cases.ts';
import { listCases, listPersonCases, listSentRequests } from '../../shared/store/cases.ts';
import type { Page } from '../../shared/store/paging.ts';
import * as declared from './routes.ts';

const filterOf = (q: { type?: Case['type'] | undefined; state?: string | undefined; overdue?: boolean | undefined; dueBefore?: string | undefined }) => ({
  ...(q.type ? { type: q.type } : {}),
  ...(q.state ? { state: q.state } : {}),
  ...(q.overdue ? { overdue: true } : {}),
  ...(q.dueBefore ? { dueBefore: new Date(q.dueBefore).toISOString() } : {}),
});

/** A page of masked rows; the read is recorded (one entry naming the cases). */
const page = ({ items, cursor }: Page<Case>) => {
  noteList(items.map((c) => c.id));
  return json(200, { items: items.map((c) => caseView(c)), ...(cursor ? { cursor } : {}) });
};

export const handler = byRoute([
  route(declared.listCases, async ({ query }) => page(await listCases(query.jurisdiction, filterOf(query), query.limit, query.cursor))),
  route(declared.listAssistanceRequests, async ({ query }) => {
    const filter = { type: 'assistance_request' as const, ...(query.state ? { state: query.state } : {}) };
    return page(
      query.direction === 'sent'
        ? await listSentRequests(query.jurisdiction, filter, query.limit, query.cursor)
        : await listCases(query.jurisdiction, filter, query.limit, query.cursor),
    );
  }),
  route(declared.listMyCases, async ({ query, principal }) => {
    // Every case about the person's verified ID number, whoever opened it.
    return page(await listPersonCases(principal.idNumber!, filterOf(query), query.limit, query.cursor));
  }),
]);
