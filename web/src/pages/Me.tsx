// A person's own view, phone-sized first: their cases with the deadline and what to do next,
// the messages sent to them, an appeal against a decision the workflow table lets them appeal,
// and who read their record.
import { useQueries, useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { workflowOf } from '../../../core/workflows/index.ts';
import { COLLECTIONS, type Case, type CaseType, type Schema, api, unwrap } from '../api.ts';
import { draftOf, dropDraft, keepDraft } from '../drafts.ts';
import { type Lang, t } from '../i18n.ts';
import { actionLabel, label, purposeLabel } from '../labels.ts';
import { useWrite } from '../mutations.ts';
import type { PageProps } from '../page.ts';
import { TAG, daysLeft, localTime, stateTag } from './common.ts';
import { Heading, Place, Submit } from './ui.tsx';

type Decision = Schema<'HistoryEntry'>;

/** What the person does next, by the case's state. */
function nextStep(c: Case, lang: Lang): string {
  const zh = lang === 'zh';
  switch (c.state) {
    case 'reported':
      return zh ? '请在期限前携带身份证到居住地派出所或社区办理登记。' : 'Bring your ID to the destination office before the deadline.';
    case 'awaiting_supplement': {
      const items = ('supplementRequest' in c && c.supplementRequest?.items) || [];
      return zh ? `请补充材料：${items.join('、')}` : `Supply: ${items.join(', ')}`;
    }
    case 'registered': {
      const number = ('verificationCertificate' in c && c.verificationCertificate?.number) || '';
      return zh ? `已登记，证明编号 ${number}` : `Registered: certificate ${number}`;
    }
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
function appealableDecision(c: Case, history: Decision[] | undefined, cases: Case[]): Decision | undefined {
  const last = history?.at(-1);
  if (!last || c.type === 'appeal') return undefined;
  if (cases.some((a) => a.type === 'appeal' && a.appealed.caseId === c.id && a.appealed.decision.at === last.at)) return undefined;
  const rule = workflowOf(c.type).actions[last.action];
  return rule?.appealable && c.state === last.to ? last : undefined;
}

/** The states an appealable decision leaves a case in: only such a case's history is worth reading. */
const afterAppealable = (type: CaseType): string[] =>
  type === 'appeal'
    ? []
    : Object.values(workflowOf(type).actions)
        .filter((a) => a.appealable)
        .flatMap((a) => a.to);

function Messages({ caseId, lang }: { caseId: string; lang: Lang }) {
  const messages = useQuery({ queryKey: ['me', 'messages', caseId], queryFn: async () => unwrap(await api.GET('/v1/messages', { params: { query: { caseId } } })) });
  return (
    <List
      loading={messages.isLoading}
      locale={{ emptyText: t(lang, 'noMessages') }}
      dataSource={messages.data?.items ?? []}
      renderItem={(m) => (
        <List.Item>
          <List.Item.Meta title={`${localTime(m.sentAt ?? m.releaseAt ?? m.dueAt)} · ${label(lang, m.channel)} · ${m.to} · ${label(lang, m.state)}`} description={m.text} />
        </List.Item>
      )}
    />
  );
}

function AppealForm({ c, decision, lang, done }: { c: Case; decision: Decision; lang: Lang; done: () => void }) {
  const [form] = Form.useForm<{ grounds: string }>();
  // The grounds outlive a lost session, like every form here.
  const draftKey = `appeal.${c.id}`;
  const appeal = useWrite({
    send: async ({ grounds }: { grounds: string }, key) =>
      unwrap(
        await api.POST('/v1/appeals', {
          params: { header: { 'Idempotency-Key': key } },
          body: { caseId: c.id, decision: { action: decision.action, at: decision.at }, grounds },
        }),
      ),
    // Every problem beside the grounds, the only field the person fills in.
    form: { instance: form, fallback: 'grounds' },
    onSuccess: () => {
      dropDraft(draftKey);
      done();
    },
    // Lodged: the appeal is one of the person's cases now, and the decision is appealed no more.
    invalidates: [['me']],
  });
  return (
    <Form form={form} layout="vertical" initialValues={draftOf(draftKey) ?? {}} onValuesChange={(_, all) => keepDraft(draftKey, all)} onFinish={appeal.submit}>
      <Typography.Paragraph>{`${t(lang, 'appealedDecision')}${lang === 'zh' ? '：' : ': '}${actionLabel(lang, decision.action)} · ${localTime(decision.at)}${decision.reason ? ` · ${decision.reason}` : ''}`}</Typography.Paragraph>
      <Form.Item name="grounds" label={t(lang, 'grounds')} rules={[{ required: true }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Submit lang={lang} loading={appeal.sending} />
    </Form>
  );
}

export default function Me({ lang }: PageProps) {
  const [reading, setReading] = useState<string | undefined>();
  const [appealing, setAppealing] = useState<{ c: Case; decision: Decision } | undefined>();
  const cases = useQuery({ queryKey: ['me', 'cases'], queryFn: async () => unwrap(await api.GET('/v1/me/cases', { params: { query: { limit: 50 } } })) });
  const items = cases.data?.items ?? [];
  const histories = useQueries({
    queries: items.map((c) => ({
      enabled: afterAppealable(c.type).includes(c.state),
      queryKey: ['me', 'history', c.id, c.updatedAt],
      queryFn: async () => unwrap(await api.GET(`/v1/${COLLECTIONS[c.type]}/{id}/history`, { params: { path: { id: c.id } } })),
    })),
  });
  const log = useQuery({ queryKey: ['me', 'access-log'], queryFn: async () => unwrap(await api.GET('/v1/me/access-log', { params: { query: { limit: 50 } } })) });
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 640 }}>
      <Card title={<Heading>{t(lang, 'myCases')}</Heading>} loading={cases.isLoading}>
        <List
          dataSource={items}
          renderItem={(c, i) => {
            const decision = appealableDecision(c, histories[i]?.data?.items, items);
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
                    {/* Counted into a year whose holiday notice is not out yet: the date may still move (the person is told). */}
                    {c.deadline?.provisional && <Tag color={TAG.waiting}>{t(lang, 'provisional')}</Tag>}
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
            done={() => setAppealing(undefined)}
          />
        )}
      </Modal>
      <Card title={<Heading>{t(lang, 'accessLog')}</Heading>} loading={log.isLoading}>
        <List
          dataSource={log.data?.items ?? []}
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
