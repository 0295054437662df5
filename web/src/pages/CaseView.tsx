// One case: the person (numbers masked), the deadline with the days left, the history as a
// timeline, and the actions the workflow table allows this account now, each with its form (the
// fields read off the OpenAPI document's body for that route). A 409 offers to reload the case.
// Types, states, actions and choices in words (labels.ts), jurisdictions by name.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { api, fieldErrors, problemOf, sendJson, unwrap } from '../api.ts';
import { draftOf, dropDraft, keepDraft } from '../drafts.ts';
import { type Word, t } from '../i18n.ts';
import { actionLabel, label } from '../labels.ts';
import type { PageProps } from '../main.tsx';
import { TAG, daysLeft, localTime, stateTag } from './common.ts';
import { Heading, Place } from './ui.tsx';

type Json = Record<string, any>;

/** The words for the body fields of the actions. */
const FIELD_WORDS: Record<string, Word> = {
  items: 'items',
  reason: 'reason',
  note: 'note',
  answer: 'answer',
  outcome: 'outcome',
  phone: 'phone',
  expectedStayDays: 'expectedStayDays',
  premises: 'premises',
  departureDate: 'departureDate',
  nextDestinationCode: 'nextDestinationCode',
  address: 'newAddress',
  employer: 'newEmployer',
  registrationId: 'registrationId',
  members: 'members',
};

/** The body fields of a route, from the OpenAPI document: what the action's form asks for. */
function bodyFields(doc: Json | undefined, path: string): { name: string; required: boolean; choices?: string[] }[] {
  const op = doc?.paths?.[path]?.post;
  const ref: string | undefined = op?.requestBody?.content?.['application/json']?.schema?.$ref;
  const schema = ref ? doc?.components?.schemas?.[ref.split('/').at(-1)!] : op?.requestBody?.content?.['application/json']?.schema;
  const required: string[] = schema?.required ?? [];
  return Object.entries((schema?.properties ?? {}) as Record<string, Json>).map(([name, p]) => ({
    name,
    required: required.includes(name),
    ...(Array.isArray(p.enum) ? { choices: p.enum as string[] } : {}),
  }));
}

export default function CaseView({ lang, go, collection, id }: PageProps & { collection: string; id: string }) {
  const queryClient = useQueryClient();
  const key = ['case', collection, id];
  const found = useQuery({ queryKey: key, queryFn: async () => unwrap(await api.GET(`/v1/${collection}/{id}` as '/v1/registrations/{id}', { params: { path: { id } } })) as Json });
  const history = useQuery({
    queryKey: [...key, 'history'],
    queryFn: async () => unwrap(await api.GET(`/v1/${collection}/{id}/history` as '/v1/registrations/{id}/history', { params: { path: { id } } })) as Json,
  });
  const doc = useQuery({ queryKey: ['openapi'], queryFn: async () => (await (await fetch('/v1/openapi.json')).json()) as Json, staleTime: Infinity });
  // The open action and its half-filled form outlive a lost session.
  const draftKey = `case.${collection}.${id}`;
  const draft = draftOf<{ action: string; values: Json }>(draftKey);
  const [acting, setActingState] = useState<string | undefined>(draft?.action);
  const setActing = (action: string | undefined) => {
    if (action) keepDraft(draftKey, { action, values: {} });
    else dropDraft(draftKey);
    setActingState(action);
  };
  const [conflict, setConflict] = useState(false);
  const [form] = Form.useForm();
  const c = found.data;
  const path = acting ? `/v1/${collection}/{id}/${acting}` : '';
  const fields = bodyFields(doc.data, path);

  const submit = async (values: Json) => {
    const body: Json = {};
    for (const { name } of fields) {
      const v = values[name];
      if (v === undefined || v === '') continue;
      body[name] = name === 'items' ? String(v).split('\n').map((s) => s.trim()).filter(Boolean) : name === 'expectedStayDays' ? Number(v) : v;
    }
    const r = await sendJson(`/v1/${collection}/${id}/${acting}`, 'POST', body);
    if (r.ok) {
      setActing(undefined);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: key });
      return;
    }
    if (r.status === 409) setConflict(true);
    // Problem details next to the field they name.
    form.setFields(fieldErrors(await problemOf(r), fields[0]?.name ?? 'reason'));
  };

  if (found.error) return <Alert type="error" title={(found.error as Error).message} action={<Button onClick={() => go('#/cases')}>{t(lang, 'cases')}</Button>} />;
  if (!c) return <Card loading />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {conflict && (
        <Alert
          type="warning"
          title={t(lang, 'conflict')}
          action={
            <Button
              onClick={() => {
                setConflict(false);
                void queryClient.invalidateQueries({ queryKey: key });
              }}
            >
              {t(lang, 'reload')}
            </Button>
          }
        />
      )}
      <Card title={<Heading>{label(lang, c.type)} · <Tag color={stateTag(c.state)}>{label(lang, c.state)}</Tag></Heading>}>
        <Descriptions size="small" column={1} bordered>
          {c.person && <Descriptions.Item label={t(lang, 'person')}>{`${c.person.name} · ${c.person.idNumber} · ${c.person.phone}`}</Descriptions.Item>}
          <Descriptions.Item label={t(lang, 'originPlace')}>
            <Place code={c.originCode} />
          </Descriptions.Item>
          {c.destinationCode && (
            <Descriptions.Item label={t(lang, 'destinationPlace')}>
              <Place code={c.destinationCode} />
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t(lang, 'deadline')}>
            {c.deadline ? (
              <span>
                {label(lang, c.deadline.kind)} · {c.deadline.date} · {t(lang, 'daysLeft')} <Tag color={daysLeft(c.deadline.date) < 0 ? TAG.late : TAG.waiting}>{daysLeft(c.deadline.date)}</Tag>
                {c.deadline.provisional && <Tag color={TAG.waiting}>{t(lang, 'provisional')}</Tag>}
              </span>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          {c.verificationCertificate && <Descriptions.Item label={t(lang, 'certificateNumber')}>{c.verificationCertificate.number}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title={t(lang, 'actions')}>
        <Space wrap>
          {(c.availableActions ?? []).map((a: string) => (
            <Button key={a} onClick={() => setActing(a)}>
              {actionLabel(lang, a)}
            </Button>
          ))}
        </Space>
      </Card>
      <Card title={t(lang, 'history')}>
        <Timeline
          items={((history.data?.items ?? []) as Json[]).map((h) => ({
            children: `${localTime(h.at)} ${actionLabel(lang, h.action)} → ${label(lang, h.to)}${h.reason ? ` · ${h.reason}` : ''}`,
          }))}
        />
      </Card>
      <Modal open={acting !== undefined} title={acting && actionLabel(lang, acting)} onCancel={() => setActing(undefined)} onOk={() => form.submit()} okText={t(lang, 'submit')} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={draft?.action === acting ? draft?.values : {}}
          onValuesChange={(_, values) => acting && keepDraft(draftKey, { action: acting, values })}
          onFinish={(v) => void submit(v)}
        >
          {fields.map((f) => (
            <Form.Item key={f.name} name={f.name} label={FIELD_WORDS[f.name] ? t(lang, FIELD_WORDS[f.name]!) : f.name} rules={f.required ? [{ required: true }] : []}>
              {f.choices ? (
                <Select options={f.choices.map((c) => ({ value: c, label: label(lang, c) }))} />
              ) : f.name === 'items' || f.name === 'reason' || f.name === 'note' || f.name === 'answer' ? (
                <Input.TextArea rows={3} />
              ) : (
                <Input />
              )}
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </Space>
  );
}
