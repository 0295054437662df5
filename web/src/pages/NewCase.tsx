// Opening a case at an office: registering an arrival (at the destination) or applying for an
// origin certificate (at the origin). Checked in the browser with the core's own rules (the ID
// number's date and check character, jurisdiction codes, dates) before it is sent; codes typed or
// picked from the API's tree; the API's problem details land next to the field they name; a
// half-filled form survives a lost session.
import { Card, DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { parseIdNumber } from '../../../core/id-number.ts';
import { isJurisdictionCode } from '../../../core/jurisdiction.ts';
import { localDate } from '../../../core/calendar.ts';
import { fieldErrors, problemOf, sendJson } from '../api.ts';
import { draftOf, dropDraft, keepDraft } from '../drafts.ts';
import { type Word, t } from '../i18n.ts';
import type { PageProps } from '../main.tsx';
import { JurisdictionInput } from './JurisdictionInput.tsx';
import { Heading, Submit } from './ui.tsx';

/** The core's reasons an ID number is refused, in the console's words (the core's own, for one not listed). */
const ID_NUMBER_ERRORS: [RegExp, Word][] = [
  [/18 characters/, 'idNumberLength'],
  [/impossible birth date/, 'idNumberBirthDate'],
  [/in the future/, 'idNumberFutureBirth'],
  [/check character/, 'idNumberCheckCharacter'],
];

/** What differs between the two: the route, the office's own code, the second code, the date. */
const KINDS = {
  registration: { title: 'register', collection: 'registrations', own: 'destinationCode', other: 'originCode', date: 'arrivalDate', past: true },
  origin_certificate: { title: 'applyCertificate', collection: 'origin-certificates', own: 'originCode', other: 'intendedDestinationCode', date: 'plannedDeparture', past: false },
} as const satisfies Record<string, { title: Word; collection: string; own: string; other: string; date: Word; past: boolean }>;

export default function NewCase({ lang, claims, go, kind }: PageProps & { kind: keyof typeof KINDS }) {
  const spec = KINDS[kind];
  const [form] = Form.useForm();
  // One key per form shown: a double click (or a retry after a timeout) opens one case, not two.
  const [idempotencyKey, newIdempotencyKey] = useState(() => crypto.randomUUID());
  const [sending, setSending] = useState(false);
  const today = localDate(new Date());
  // A half-filled form survives a lost session (sign-in and back) in the tab's storage.
  const DRAFT = kind;
  const draft = draftOf<Record<string, any>>(DRAFT) ?? {};
  const saveDraft = (_: unknown, all: Record<string, any>) => keepDraft(DRAFT, { ...all, [spec.date]: all[spec.date] ? (all[spec.date] as dayjs.Dayjs).format('YYYY-MM-DD') : undefined });
  const code = {
    validator: async (_: unknown, v: string) => {
      if (v && !isJurisdictionCode(v)) throw new Error(t(lang, 'notACode'));
    },
  };
  const submit = async (v: Record<string, any>) => {
    const date = v[spec.date] ? (v[spec.date] as dayjs.Dayjs).format('YYYY-MM-DD') : undefined;
    const person = { name: v.name, idNumber: v.idNumber, phone: v.phone };
    const body =
      kind === 'registration'
        ? { person, originCode: v.originCode, destinationCode: v.destinationCode, arrivalDate: date, expectedStayDays: v.expectedStayDays }
        : { person, originCode: v.originCode, ...(v.intendedDestinationCode ? { intendedDestinationCode: v.intendedDestinationCode } : {}), ...(date ? { plannedDeparture: date } : {}) };
    setSending(true);
    const r = await sendJson(`/v1/${spec.collection}`, 'POST', body, idempotencyKey).finally(() => setSending(false));
    if (r.ok) {
      dropDraft(DRAFT);
      go(`#/case/${spec.collection}/${((await r.json()) as { id: string }).id}`);
      return;
    }
    // The corrected form is a new request.
    newIdempotencyKey(crypto.randomUUID());
    const names: Record<string, string> = { 'person.name': 'name', 'person.idNumber': 'idNumber', 'person.phone': 'phone' };
    form.setFields(fieldErrors(await problemOf(r), 'name', (field) => names[field] ?? field));
  };
  return (
    <Card title={<Heading>{t(lang, spec.title)}</Heading>} style={{ maxWidth: 640 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          [spec.own]: claims.jurisdiction,
          ...(kind === 'registration' ? { expectedStayDays: 180, arrivalDate: today } : {}),
          ...draft,
          ...(draft[spec.date] || kind === 'registration' ? { [spec.date]: dayjs(draft[spec.date] ?? today) } : {}),
        }}
        onValuesChange={saveDraft}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="name" label={t(lang, 'name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t(lang, 'idNumber')}
          rules={[
            { required: true },
            {
              validator: async (_, v: string) => {
                if (!v) return;
                const parsed = parseIdNumber(v, today);
                if ('error' in parsed) {
                  const word = ID_NUMBER_ERRORS.find(([pattern]) => pattern.test(parsed.error))?.[1];
                  throw new Error(word ? t(lang, word) : parsed.error);
                }
              },
            },
          ]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="phone" label={t(lang, 'phone')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        {/* The origin first, then where the person goes or lives. */}
        {(['originCode', spec.own === 'originCode' ? spec.other : spec.own] as const).map((name) => (
          <Form.Item key={name} name={name} label={t(lang, name)} rules={[{ required: name !== 'intendedDestinationCode' }, code]}>
            <JurisdictionInput lang={lang} />
          </Form.Item>
        ))}
        <Form.Item name={spec.date} label={t(lang, spec.date)} rules={[{ required: kind === 'registration' }]}>
          {/* An arrival has happened; a departure is planned. */}
          <DatePicker disabledDate={(d) => (spec.past ? d.format('YYYY-MM-DD') > today : d.format('YYYY-MM-DD') < today)} />
        </Form.Item>
        {kind === 'registration' && (
          <Form.Item name="expectedStayDays" label={t(lang, 'expectedStayDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={36500} />
          </Form.Item>
        )}
        <Submit lang={lang} loading={sending} />
      </Form>
    </Card>
  );
}
