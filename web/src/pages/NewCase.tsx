// Opening a case at an office: registering an arrival (at the destination) or applying for an
// origin certificate (at the origin). Checked in the browser with the core's own rules (the ID
// number's date and check character, jurisdiction codes, dates) before it is sent; codes typed or
// picked from the API's tree; the API's problem details land next to the field they name; a
// half-filled form survives a lost session.
import { Card, DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs from 'dayjs';
import { parseIdNumber } from '../../../core/id-number.ts';
import { isJurisdictionCode } from '../../../core/jurisdiction.ts';
import { localDate } from '../../../core/calendar.ts';
import { type Schema, api, unwrap } from '../api.ts';
import { draftOf, dropDraft, keepDraft } from '../drafts.ts';
import { type Word, t } from '../i18n.ts';
import { useWrite } from '../mutations.ts';
import type { PageProps } from '../page.ts';
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

/** The form as filled in (a draft keeps its date as text). */
interface Values {
  name: string;
  idNumber: string;
  phone: string;
  originCode: string;
  destinationCode?: string;
  intendedDestinationCode?: string;
  arrivalDate?: dayjs.Dayjs;
  plannedDeparture?: dayjs.Dayjs;
  expectedStayDays?: number;
}
type Draft = Partial<Omit<Values, 'arrivalDate' | 'plannedDeparture'> & Record<'arrivalDate' | 'plannedDeparture', string>>;

/** The API's names for the person's fields, as the form names them. */
const FORM_NAMES: Record<string, string> = { 'person.name': 'name', 'person.idNumber': 'idNumber', 'person.phone': 'phone' };

/** What is sent: the route's body, by the kind of case. */
type Opening = { kind: 'registration'; body: Schema<'RegistrationRequest'> } | { kind: 'origin_certificate'; body: Schema<'OriginCertificateRequest'> };

/** Opens the case; the submission's Idempotency-Key makes a double click (or a retry after a timeout) one case, not two. */
const openCase = async (opening: Opening, key: string) => {
  const params = { header: { 'Idempotency-Key': key } };
  return opening.kind === 'registration'
    ? unwrap(await api.POST('/v1/registrations', { params, body: opening.body }))
    : unwrap(await api.POST('/v1/origin-certificates', { params, body: opening.body }));
};

export default function NewCase({ lang, claims, go, kind }: PageProps & { kind: keyof typeof KINDS }) {
  const spec = KINDS[kind];
  const [form] = Form.useForm<Values>();
  const today = localDate(new Date());
  // A half-filled form survives a lost session (sign-in and back) in the tab's storage.
  const DRAFT = kind;
  const draft = draftOf<Draft>(DRAFT) ?? {};
  const saveDraft = (_: unknown, all: Values) => keepDraft(DRAFT, { ...all, [spec.date]: all[spec.date]?.format('YYYY-MM-DD') });
  const code = {
    validator: async (_: unknown, v: string) => {
      if (v && !isJurisdictionCode(v)) throw new Error(t(lang, 'notACode'));
    },
  };
  const create = useWrite({
    send: openCase,
    form: { instance: form, fallback: 'name', rename: (field) => FORM_NAMES[field] ?? field },
    onSuccess: ({ id }) => {
      dropDraft(DRAFT);
      go(`#/case/${spec.collection}/${id}`);
    },
  });
  const submit = (v: Values) => {
    const date = v[spec.date]?.format('YYYY-MM-DD');
    const person = { name: v.name, idNumber: v.idNumber, phone: v.phone };
    create.submit(
      kind === 'registration'
        ? { kind, body: { person, originCode: v.originCode, destinationCode: v.destinationCode!, arrivalDate: date!, expectedStayDays: v.expectedStayDays! } }
        : { kind, body: { person, originCode: v.originCode, ...(v.intendedDestinationCode ? { intendedDestinationCode: v.intendedDestinationCode } : {}), ...(date ? { plannedDeparture: date } : {}) } },
    );
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
        onFinish={submit}
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
        <Submit lang={lang} loading={create.sending} />
      </Form>
    </Card>
  );
}
