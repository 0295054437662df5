// The routes of functions/api/audit: who read my record; what one user read.
import { AccessLogPage, AccessLogQuery, AuditPage, AuditQuery } from '../../../core/schemas/people.ts';
import { declare } from '../../../core/routes.ts';

export const accessLog = declare({
  method: 'GET',
  path: '/v1/me/access-log',
  function: 'auditLog',
  summary: "Who read the signed-in person's record: which offices and agencies, when, why; newest first",
  purpose: "the person's access log",
  roles: { person: 'self' },
  query: AccessLogQuery,
  answers: { 200: { description: 'A page of accesses', schema: AccessLogPage } },
  errors: [400, 401, 403],
});

/** A supervisor, over the users of their own jurisdiction (the records are filtered to it). */
export const userAudit = declare({
  method: 'GET',
  path: '/v1/audit',
  function: 'auditLog',
  summary: 'What one user read and wrote between two days (supervisors, for users of their jurisdiction), newest first',
  purpose: 'audit of access',
  roles: { supervisor: 'self' },
  query: AuditQuery,
  answers: { 200: { description: 'A page of audit records', schema: AuditPage } },
  errors: [400, 401, 403],
});

export const routes = [accessLog, userAudit];
