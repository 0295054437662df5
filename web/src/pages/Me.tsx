// A person's own view, phone-sized first: their cases with the deadline and what to do next,
// the messages sent to them, an appeal against a decision the workflow table lets them appeal,
// and who read their record.
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { workflowOf } from '../../../core/workflows/index.ts';
import { api, problemOf, sendJson, unwrap } from '../api.ts';
import { draftOf, dropDraft, keepDraft } from '../drafts.ts';
import { type Lang, t } from '../i18n.ts';
import { actionLabel, label, purposeLabel } from '../labels.ts';
import type { PageProps } from '../main.tsx';
import { COLLECTIONS, TAG, daysLeft, localTime, stateTag } from './common.ts';
import { Heading, Place, Submit } from './ui.tsx';

type Json = Record<string, any>;

/** What the person does next, by the case's state. */
function nextStep(c: Json, lang: Lang): string {
  const zh = lang === 'zh';
  switch (c.state) {
    case 'reported':
      return zh ? '请在期限前携带身份证到居住地派出所或社区办理登记。' : 'Bring your ID to the destination office before the deadline.';
    case 'awaiting_supplement':
      return zh ? `请补充材料：${(c.supplementRequest?.items ?? []).join('、')}` : `Supply: ${(c.supplementRequest?.items ?? []).join(', ')}`;
    case 'registered':
      return zh ? `已登记，证明编号 ${c.verificationCertificate?.number ?? ''}` : `Registered: certificate ${c.verificationCertificate?.number ?? ''}`;
    case 'due':
      return zh ? '居住复核到期前请确认居住信息。' : 'Confirm where you live before the review is due.';
    case 'overdue':
      return zh ? '已逾期，请尽快联系居住地办理。' : 'Overdue: contact the office as soon as you can.';
    default:
      return '';
  }
}

/**
 * The decision a person may appeal on this case: its last step, if the table marks it appealable,
 * the case still stands where it left it, and no appeal against it is already among their cases.
 */
function appealableDecision(c: Json, history: Json[] | undefined, cases: Json[]): Json | undefined {
  const last = history?.at(-1);
  if (!last || c.type === 'appeal') return undefined;
  if (cases.some((a) => a.type === 'appeal' && a.appealed?.caseId === c.id && a.appealed?.decision?.at === last.at)) return undefined;
  const rule = (workflowOf(c.type).actions as Record<string, { appealable?: boolean }>)[last.action];
  return rule?.appealable && c.state === last.to ? last : undefined;
}

/** The states an appealable decision leaves a case in: only such a case's history is worth reading. */
const afterAppealable = (type: string): string[] =>
  type === 'appeal'
    ? []
    : Object.values(workflowOf(type as never).actions as Record<string, { appealable?: boolean; to: string | readonly string[] }>)
        .filter((a) => a.appealable)
        .flatMap((a) => a.to);

function Messages({ caseId, lang }: { caseId: string; lang: Lang }) {
  const messages = useQuery({ queryKey: ['me', 'messages', caseId], queryFn: async () => unwrap(await api.GET('/v1/messages', { params: { query: { caseId } as never } })) as Json });
  return (
    <List
      loading={messages.isLoading}
      locale={{ emptyText: t(lang, 'noMessages') }}
      dataSource={(messages.data?.items ?? []) as Json[]}
      renderItem={(m) => (
        <List.Item>
          <List.Item.Meta title={`${localTime(m.sentAt ?? m.releaseAt ?? m.dueAt)} · ${label(lang, m.channel)} · ${m.to} · ${label(lang, m.state)}`} description={m.text} />
        </List.Item>
      )}
    />
  );
}

function AppealForm({ c, decision, lang, done }: { c: Json; decision: Json; lang: Lang; done: () => void }) {
  const [form] = Form.useForm();
  const [idempotencyKey, newIdempotencyKey] = useState(() => crypto.randomUUID());
  const [sending, setSending] = useState(false);
  // The grounds outlive a lost session, like every form here.
  const draftKey = `appeal.${c.id}`;
  const submit = async ({ grounds }: { grounds: string }) => {
    setSending(true);
    const r = await sendJson('/v1/appeals', 'POST', { caseId: c.id, decision: { action: decision.action, at: decision.at }, grounds }, idempotencyKey).finally(() =>
      setSending(false),
    );
    if (r.ok) {
      dropDraft(draftKey);
      return done();
    }
    newIdempotencyKey(crypto.randomUUID());
    const problem = await problemOf(r);
    form.setFields([{ name: 'grounds', errors: (problem.errors?.length ? problem.errors : [{ field: '', reason: problem.detail ?? String(r.status) }]).map((e) => `${e.field.replace(/^body\.?/, '')} ${e.reason}`.trim()) }]);
  };
  return (
    <Form form={form} layout="vertical" initialValues={draftOf(draftKey) ?? {}} onValuesChange={(_, all) => keepDraft(draftKey, all)} onFinish={(v) => void submit(v)}>
      <Typography.Paragraph>{`${t(lang, 'appealedDecision')}${lang === 'zh' ? '：' : ': '}${actionLabel(lang, decision.action)} · ${localTime(decision.at)}${decision.reason ? ` · ${decision.reason}` : ''}`}</Typography.Paragraph>
      <Form.Item name="grounds" label={t(lang, 'grounds')} rules={[{ required: true }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Submit lang={lang} loading={sending} />
    </Form>
  );
}

export default function Me({ lang }: PageProps) {
  const queryClient = useQueryClient();
  const [reading, setReading] = useState<string | undefined>();
  const [appealing, setAppealing] = useState<{ c: Json; decision: Json } | undefined>();
  const cases = useQuery({ queryKey: ['me', 'cases'], queryFn: async () => unwrap(await api.GET('/v1/me/cases', { params: { query: { limit: 50 } as never } })) as Json });
  const items = (cases.data?.items ?? []) as Json[];
  const histories = useQueries({
    queries: items.map((c) => ({
      enabled: afterAppealable(c.type).includes(c.state),
      queryKey: ['me', 'history', c.id, c.updatedAt],
      queryFn: async () => unwrap(await api.GET(`/v1/${COLLECTIONS[c.type]}/{id}/history` as '/v1/registrations/{id}/history', { params: { path: { id: c.id } } })) as Json,
    })),
  });
  const log = useQuery({ queryKey: ['me', 'access-log'], queryFn: async () => unwrap(await api.GET('/v1/me/access-log', { params: { query: { limit: 50 } as never } })) as Json });
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 640 }}>
      <Card title={<Heading>{t(lang, 'myCases')}</Heading>} loading={cases.isLoading}>
        <List
          dataSource={items}
          renderItem={(c, i) => {
            const decision = appealableDecision(c, histories[i]?.data?.items as Json[] | undefined, items);
            return (
            <List.Item
              actions={[
                <Button key="messages" size="small" onClick={() => setReading(c.id)}>
                  {t(lang, 'messages')}
                </Button>,
                ...(decision
                  ? [
                      <Button key="appeal" size="small" onClick={() => setAppealing({ c, decision })}>
                        {t(lang, 'appeal')}
                      </Button>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    {label(lang, c.type)} <Tag color={stateTag(c.state)}>{label(lang, c.state)}</Tag>
                    {c.deadline && (
                      <Tag color={daysLeft(c.deadline.date) < 0 ? TAG.late : TAG.waiting}>
                        {c.deadline.date} · {t(lang, 'daysLeft')} {daysLeft(c.deadline.date)}
                      </Tag>
                    )}
                  </Space>
                }
                description={nextStep(c, lang)}
              />
            </List.Item>
            );
          }}
        />
      </Card>
      <Modal open={reading !== undefined} title={t(lang, 'messages')} footer={null} onCancel={() => setReading(undefined)} destroyOnHidden>
        {reading && <Messages caseId={reading} lang={lang} />}
      </Modal>
      <Modal open={appealing !== undefined} title={t(lang, 'appeal')} footer={null} onCancel={() => setAppealing(undefined)} destroyOnHidden>
        {appealing && (
          <AppealForm
            c={appealing.c}
            decision={appealing.decision}
            lang={lang}
            done={() => {
              setAppealing(undefined);
              void queryClient.invalidateQueries({ queryKey: ['me'] });
            }}
          />
        )}
      </Modal>
      <Card title={<Heading>{t(lang, 'accessLog')}</Heading>} loading={log.isLoading}>
        <List
          dataSource={(log.data?.items ?? []) as Json[]}
          renderItem={(e) => (
            <List.Item>
              <List.Item.Meta
                title={`${localTime(e.at)} · ${label(lang, e.action, 'access')}`}
                description={
                  <>
                    {e.by.office ? <Place code={e.by.office} /> : (e.by.agency ?? '')}
                    {` · ${label(lang, e.by.role)} · ${purposeLabel(lang, e.purpose)}${e.reason ? ` · ${e.reason}` : ''}`}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
