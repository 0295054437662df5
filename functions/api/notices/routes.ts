// The routes of functions/api/notices: office inboxes and the national administrators' inbox.
import { INBOX_READ } from '../../../core/authorisation.ts';
import { AdminNotice, AdminNoticePage, AdminNoticeParams, FeedbackFigures, FeedbackQuery, InboxParams, InboxQuery, Notice, NoticePage, NoticeParams } from '../../../core/schemas/notices.ts';
import { declare, jurisdictionAt } from '../../../core/routes.ts';

/** An office's inbox: offices of its jurisdiction and those above it. */
const inbox = { ...INBOX_READ, scope: jurisdictionAt('params', 'code') } as const;
const NATIONAL = { purpose: 'administration', roles: { admin: 'national' } } as const;

export const listInbox = declare({
  ...inbox,
  method: 'GET',
  path: '/v1/jurisdictions/{code}/notices',
  function: 'listNotices',
  summary: "An office's inbox of notices, newest first; `unread=true` for those nobody acknowledged",
  params: InboxParams,
  query: InboxQuery,
  answers: { 200: { description: 'A page of notices', schema: NoticePage } },
  errors: [400, 401, 403, 404],
});

export const inboxFigures = declare({
  ...inbox,
  method: 'GET',
  path: '/v1/jurisdictions/{code}/notices/figures',
  function: 'listNotices',
  summary: "An inbox's feedback figures over a period (days filed, Asia/Shanghai): notices received, acknowledged in time or late, unread, unread past the deadline",
  params: InboxParams,
  query: FeedbackQuery,
  answers: { 200: { description: 'The figures', schema: FeedbackFigures } },
  errors: [400, 401, 403, 404],
});

export const acknowledge = declare({
  ...inbox,
  method: 'POST',
  path: '/v1/jurisdictions/{code}/notices/{eventId}/ack',
  function: 'acknowledgeNotice',
  summary: 'Mark a notice read (the first acknowledgement stands); a read notice is no longer reminded or escalated',
  params: NoticeParams,
  answers: { 200: { description: 'The notice, acknowledged', schema: Notice } },
  errors: [400, 401, 403, 404],
});

/** What the deployment needs of its national administrators (a missing holiday notice). */
export const listAdminInbox = declare({
  ...NATIONAL,
  method: 'GET',
  path: '/v1/admin/notices',
  function: 'listNotices',
  summary: "The national administrators' inbox, newest first: what the deployment needs of them (a year's holiday notice not loaded)",
  query: InboxQuery,
  answers: { 200: { description: 'A page of notices', schema: AdminNoticePage } },
  errors: [400, 401, 403],
});

export const acknowledgeAdmin = declare({
  ...NATIONAL,
  method: 'POST',
  path: '/v1/admin/notices/{eventId}/ack',
  function: 'acknowledgeNotice',
  summary: "Mark a national administrators' notice read (acknowledging again changes nothing)",
  params: AdminNoticeParams,
  answers: { 200: { description: 'The notice, read', schema: AdminNotice } },
  errors: [400, 401, 403, 404],
});

export const routes = [listInbox, inboxFigures, acknowledge, listAdminInbox, acknowledgeAdmin];
