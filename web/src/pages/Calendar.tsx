// The national holiday calendar on the administrator's page: a year's days off and make-up
// working days, from its State Council notice or computed from the law while none is loaded;
// for a national administrator also their inbox (a notice not loaded yet) and the form that
// loads a year's notice. Dates are typed as the notice lists them: one per line or range.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { addCalendarDays, isRealDate, localDate } from '../../../core/calendar.ts';
import { type Schema, api, unwrap } from '../api.ts';
import { type Lang, t } from '../i18n.ts';
import { label } from '../labels.ts';
import { useWrite } from '../mutations.ts';
import { TAG, localTime } from './common.ts';
import { Heading, Submit } from './ui.tsx';

/** The notice as the form holds it: dates typed as the notice lists them. */
interface NoticeValues {
  title: string;
  documentNumber: string;
  issued: dayjs.Dayjs;
  holidays?: string;
  workdays?: string;
}

/** Dates as runs of consecutive days: 2027-02-05 – 02-10. */
export function asRuns(dates: readonly string[]): string[] {
  const runs: [string, string][] = [];
  for (const d of [...dates].sort()) {
    const last = runs.at(-1);
    if (last && addCalendarDays(last[1], 1) === d) last[1] = d;
    else runs.push([d, d]);
  }
  return runs.map(([a, b]) => (a === b ? a : `${a} – ${b.slice(5)}`));
}

/** What an administrator typed: dates and ranges (`A~B`, `A至B`, `A–B`), by line, comma or space. Null when a token is not a date. */
export function parseDates(text: string): string[] | null {
  const out: string[] = [];
  for (const token of text.split(/[\s,，、;；]+/).filter(Boolean)) {
    const [first = '', last = first] = token.split(/~|至|–/);
    if (!isRealDate(first) || !isRealDate(last)) return null;
    for (let d = first; d <= last; d = addCalendarDays(d, 1)) out.push(d);
  }
  return [...new Set(out)].sort();
}

function LoadNotice({ lang, year }: { lang: Lang; year: number }) {
  const [form] = Form.useForm<NoticeValues>();
  const load = useWrite({
    send: async (body: Schema<'CalendarNoticeRequest'>) => unwrap(await api.PUT('/v1/calendars/{year}', { params: { path: { year } }, body })),
    // A problem naming `holidays` or `workdays[3]` belongs to that box.
    form: { instance: form, fallback: 'title', rename: (field) => field.replace(/\[\d+\]$/, '') },
    onSuccess: () => form.resetFields(),
    // A loaded notice changes the year, the inbox and the calendar in every policy shown.
    invalidates: [['calendar'], ['admin-notices'], ['policy']],
  });
  const submit = (values: NoticeValues) => {
    const holidays = parseDates(values.holidays ?? '');
    const workdays = parseDates(values.workdays ?? '');
    if (!holidays || !workdays) {
      form.setFields([{ name: holidays ? 'workdays' : 'holidays', errors: [t(lang, 'datesExpected')] }]);
      return;
    }
    load.submit({ title: values.title, documentNumber: values.documentNumber, issued: values.issued.format('YYYY-MM-DD'), holidays, workdays });
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 640 }}>
      <Form.Item name="title" label={t(lang, 'noticeTitle')} rules={[{ required: true }]}>
        <Input placeholder={`国务院办公厅关于${year}年部分节假日安排的通知`} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="documentNumber" label={t(lang, 'documentNumber')} rules={[{ required: true }]}>
          <Input placeholder={`国办发明电〔${year - 1}〕号`} />
        </Form.Item>
        <Form.Item name="issued" label={t(lang, 'issued')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item name="holidays" label={t(lang, 'holidayPeriods')} extra={t(lang, 'datesHint')} rules={[{ required: true }]}>
        <Input.TextArea rows={4} placeholder={`${year}-01-01\n${year}-10-01~${year}-10-07`} />
      </Form.Item>
      <Form.Item name="workdays" label={t(lang, 'makeUpWorkdays')} extra={t(lang, 'datesHint')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Submit lang={lang} word="loadNotice" loading={load.sending} />
    </Form>
  );
}

export default function HolidayCalendar({ lang, national }: { lang: Lang; national: boolean }) {
  const [year, setYear] = useState(() => Number(localDate(new Date()).slice(0, 4)) + 1);
  const calendar = useQuery({
    queryKey: ['calendar', year],
    queryFn: async () => unwrap(await api.GET('/v1/calendars/{year}', { params: { path: { year } } })),
  });
  const notices = useQuery({
    queryKey: ['admin-notices'],
    enabled: national,
    queryFn: async () => unwrap(await api.GET('/v1/admin/notices', { params: { query: { unread: 'true', limit: 20 } } })),
  });
  const acknowledge = useWrite({
    send: async (eventId: string) => unwrap(await api.POST('/v1/admin/notices/{eventId}/ack', { params: { path: { eventId } } })),
    invalidates: [['admin-notices']],
  });
  const c = calendar.data;
  return (
    <Card title={<Heading>{t(lang, 'holidayCalendar')}</Heading>}>
      {national &&
        (notices.data?.items ?? []).map((n) => (
          <Alert
            key={n.eventId}
            type="warning"
            style={{ marginBottom: 12 }}
            title={`${label(lang, n.type)}：${n.data.year}`}
            description={localTime(n.time)}
            action={
              <Button size="small" onClick={() => acknowledge.submit(n.eventId)}>
                {t(lang, 'acknowledge')}
              </Button>
            }
          />
        ))}
      <Space style={{ marginBottom: 12 }}>
        {t(lang, 'year')}
        <InputNumber aria-label={t(lang, 'year')} min={1901} max={2100} value={year} onChange={(v) => v && setYear(v)} />
      </Space>
      {calendar.error && <Alert type="error" title={calendar.error.message} />}
      {c && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={c.source === 'notice' ? TAG.done : TAG.waiting}>{label(lang, c.source)}</Tag>
            {c.notice && (
              <Typography.Text>
                {c.notice.title}（{c.notice.documentNumber}，{c.notice.issued}）
              </Typography.Text>
            )}
          </Space>
          {c.source === 'statutory' && <Typography.Text type="secondary">{t(lang, 'provisionalExplained')}</Typography.Text>}
          <List
            size="small"
            header={t(lang, 'holidayPeriods')}
            dataSource={asRuns(c.holidays)}
            renderItem={(run) => <List.Item>{run}</List.Item>}
          />
          <Typography.Text>
            {t(lang, 'makeUpWorkdays')}：{c.workdays.length > 0 ? c.workdays.join('、') : '—'}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t(lang, 'statutoryDays')}：{[...new Set(c.statutory.map((d) => d.festival))].map((f) => label(lang, f)).join('、')}
          </Typography.Text>
        </Space>
      )}
      {national && (
        <div style={{ marginTop: 16 }}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t(lang, 'loadNotice')} · {year}
          </Typography.Title>
          <LoadNotice lang={lang} year={year} />
        </div>
      )}
    </Card>
  );
}
