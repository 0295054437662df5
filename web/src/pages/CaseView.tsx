// One case: the person (numbers masked), the deadline with the days left, the history as a
// timeline, and the actions the workflow table allows this account now, each with its form (the
// fields read off the OpenAPI document's body for that route). A 409 offers to reload the case.
// Types, states, actions and choices in words (labels.ts), jurisdictions by name.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { type Collection, api, isCollection, unwrap } from '../api.ts';
import { caseAction, useActionFields } from '../case-actions.ts';
import { draftOf, dropDraft, keepDraft } from '../drafts.ts';
import { type Lang, type Word, t } from '../i18n.ts';
import { actionLabel, label } from '../labels.ts';
import { useWrite } from '../mutations.ts';
import type { PageProps } from '../page.ts';
import { TAG, daysLeft, localTime, stateTag } from './common.ts';
import { Heading, Place } from './ui.tsx';

/** An action's form as filled in: each body field as typed. */
type ActionValues = Record<string, unknown>;

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

/** A case's address names its collection (`#/case/registrations/…`): one the API does not have is not found. */
export default function CaseView({ collection, ...props }: PageProps & { collection: string; id: string }) {
  if (isCollection(collection)) return <OneCase collection={collection} {...props} />;
  return <NotFound lang={props.lang} go={props.go} message={`no route GET /v1/${collection}/${props.id}: see GET /v1/openapi.json`} />;
}

function NotFound({ lang, go, message }: { lang: Lang; go(hash: string): void; message: string }) {
  return <Alert type="error" title={message} action={<Button onClick={() => go('#/cases')}>{t(lang, 'cases')}</Button>} />;
}

function OneCase({ lang, go, collection, id }: PageProps & { collection: Collection; id: string }) {
  const queryClient = useQueryClient();
  const key = ['case', collection, id];
  const found = useQuery({ queryKey: key, queryFn: async () => unwrap(await api.GET(`/v1/${collection}/{id}`, { params: { path: { id } } })) });
  const history = useQuery({
    queryKey: [...key, 'history'],
    queryFn: async () => unwrap(await api.GET(`/v1/${collection}/{id}/history`, { params: { path: { id } } })),
  });
  // The open action and its half-filled form outlive a lost session.
  const draftKey = `case.${collection}.${id}`;
  const draft = draftOf<{ action: string; values: ActionValues }>(draftKey);
  const [acting, setActingState] = useState<string | undefined>(draft?.action);
  const setActing = (action: string | undefined) => {
    if (action) keepDraft(draftKey, { action, values: {} });
    else dropDraft(draftKey);
    setActingState(action);
  };
  const [conflict, setConflict] = useState(false);
  const [form] = Form.useForm<ActionValues>();
  const c = found.data;
  const fields = useActionFields(collection, acting);
  const act = useWrite({
    send: async ({ action, body }: { action: string; body: ActionValues }, idempotencyKey) => unwrap(await caseAction(collection, id, action, body, idempotencyKey)),
    // Problem details next to the field they name.
    form: { instance: form, fallback: fields[0]?.name ?? 'reason' },
    onSuccess: () => {
      setActing(undefined);
      form.resetFields();
    },
    onRefused: (problem) => {
      if (problem.status === 409) setConflict(true);
    },
    invalidates: [key],
  });

  const submit = (values: ActionValues) => {
    if (!acting) return;
    const body: ActionValues = {};
    for (const { name } of fields) {
      const v = values[name];
      if (v === undefined || v === '') continue;
      body[name] = name === 'items' ? String(v).split('\n').map((s) => s.trim()).filter(Boolean) : name === 'expectedStayDays' ? Number(v) : v;
    }
    act.submit({ action: acting, body });
  };

  if (found.error) return <NotFound lang={lang} go={go} message={found.error.message} />;
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
          {'person' in c && c.person && <Descriptions.Item label={t(lang, 'person')}>{`${c.person.name} · ${c.person.idNumber} · ${c.person.phone}`}</Descriptions.Item>}
          <Descriptions.Item label={t(lang, 'originPlace')}>
            <Place code={c.originCode} />
          </Descriptions.Item>
          {'destinationCode' in c && c.destinationCode && (
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
          {'verificationCertificate' in c && c.verificationCertificate && <Descriptions.Item label={t(lang, 'certificateNumber')}>{c.verificationCertificate.number}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title={t(lang, 'actions')}>
        <Space wrap>
          {(c.availableActions ?? []).map((a) => (
            <Button key={a} onClick={() => setActing(a)}>
              {actionLabel(lang, a)}
            </Button>
          ))}
        </Space>
      </Card>
      <Card title={t(lang, 'history')}>
        <Timeline
          items={(history.data?.items ?? []).map((h) => ({
            children: `${localTime(h.at)} ${actionLabel(lang, h.action)} → ${label(lang, h.to)}${h.reason ? ` · ${h.reason}` : ''}`,
          }))}
        />
      </Card>
      <Modal open={acting !== undefined} title={acting && actionLabel(lang, acting)} onCancel={() => setActing(undefined)} onOk={() => form.submit()} okText={t(lang, 'submit')} confirmLoading={act.sending} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={draft?.action === acting ? draft?.values : {}}
          onValuesChange={(_, values) => acting && keepDraft(draftKey, { action: acting, values })}
          onFinish={submit}
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
