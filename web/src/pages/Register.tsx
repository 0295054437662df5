// Registering an arrival: checked in the browser with the core's own rules (the ID number's date
// and check character, jurisdiction codes, dates) before it is sent; the API's problem details
// land next to the field they name.
import { Button, Card, DatePicker, Form, Input, InputNumber, Typography } from 'antd';
import dayjs from 'dayjs';
import { parseIdNumber } from '../../../core/id-number.ts';
import { isJurisdictionCode } from '../../../core/jurisdiction.ts';
import { localDate } from '../../../core/calendar.ts';
import { api } from '../api.ts';
import { draftOf, dropDraft, keepDraft } from '../drafts.ts';
import { t } from '../i18n.ts';
import type { PageProps } from '../main.tsx';

/** A half-filled form survives a lost session (sign-in and back) in the tab's storage. */
const DRAFT = 'liudong.draft.register';

export default function Register({ lang, claims, go }: PageProps) {
  const [form] = Form.useForm();
  const today = localDate(new Date());
  const draft = draftOf<Record<string, any>>(DRAFT) ?? {};
  const saveDraft = (_: unknown, all: Record<string, any>) =>
    keepDraft(DRAFT, { ...all, arrivalDate: all.arrivalDate ? (all.arrivalDate as dayjs.Dayjs).format('YYYY-MM-DD') : undefined });
  const code = (field: string) => ({
    validator: async (_: unknown, v: string) => {
      if (v && !isJurisdictionCode(v)) throw new Error(lang === 'zh' ? '不是有效的区划代码' : `${field}: not a jurisdiction code`);
    },
  });
  const submit = async (v: Record<string, any>) => {
    const body = {
      person: { name: v.name, idNumber: v.idNumber, phone: v.phone },
      originCode: v.originCode,
      destinationCode: v.destinationCode,
      arrivalDate: (v.arrivalDate as dayjs.Dayjs).format('YYYY-MM-DD'),
      expectedStayDays: v.expectedStayDays,
    };
    const r = await api.POST('/v1/registrations', { body: body as never });
    if (r.response.ok) {
      dropDraft(DRAFT);
      go(`#/case/registrations/${(r.data as { id: string }).id}`);
      return;
    }
    const problem = r.error as { detail?: string; errors?: { field: string; reason: string }[] };
    const names: Record<string, string> = { 'person.name': 'name', 'person.idNumber': 'idNumber', 'person.phone': 'phone' };
    form.setFields(
      (problem.errors?.length ? problem.errors : [{ field: 'name', reason: problem.detail ?? String(r.response.status) }]).map((e) => ({
        name: names[e.field] ?? (e.field || 'name'),
        errors: [e.reason],
      })),
    );
  };
  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t(lang, 'register')}</Typography.Title>} style={{ maxWidth: 640 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ destinationCode: claims.jurisdiction, expectedStayDays: 180, ...draft, arrivalDate: dayjs(draft.arrivalDate ?? today) }}
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
                if ('error' in parsed) throw new Error(parsed.error);
              },
            },
          ]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="phone" label={t(lang, 'phone')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="originCode" label={t(lang, 'originCode')} rules={[{ required: true }, code('originCode')]}>
          <Input />
        </Form.Item>
        <Form.Item name="destinationCode" label={t(lang, 'destinationCode')} rules={[{ required: true }, code('destinationCode')]}>
          <Input />
        </Form.Item>
        <Form.Item name="arrivalDate" label={t(lang, 'arrivalDate')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
        </Form.Item>
        <Form.Item name="expectedStayDays" label={t(lang, 'expectedStayDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={36500} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t(lang, 'submit')}
        </Button>
      </Form>
    </Card>
  );
}
