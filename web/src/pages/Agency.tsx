// An agency's subscriptions: create one (its signing secret shown this once), pause, resume,
// rotate the secret; each subscription's deliveries with their attempts, and replay.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type Schema, api, unwrap } from '../api.ts';
import { t } from '../i18n.ts';
import { eventLabel, label } from '../labels.ts';
import { useWrite } from '../mutations.ts';
import type { PageProps } from '../page.ts';
import { TAG, localTime } from './common.ts';
import { Heading, Submit } from './ui.tsx';

type Purpose = Schema<'SubscriptionCreate'>['purpose'];
const PURPOSES: readonly Purpose[] = ['law_enforcement', 'social_security', 'housing', 'health', 'statistics'];
/** The form as typed: event types one string, by space or comma. */
type Values = Omit<Schema<'SubscriptionCreate'>, 'eventTypes'> & { eventTypes: string };

export default function Agency({ lang, claims }: PageProps) {
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<string | undefined>();
  const [open, setOpen] = useState<string | undefined>();
  const [form] = Form.useForm<Values>();
  const subscriptions = useQuery({ queryKey: ['subscriptions'], queryFn: async () => unwrap(await api.GET('/v1/subscriptions', {})) });
  const deliveries = useQuery({
    queryKey: ['deliveries', open],
    enabled: open !== undefined,
    queryFn: async () => unwrap(await api.GET('/v1/subscriptions/{id}/deliveries', { params: { path: { id: open! } } })),
  });
  const create = useWrite({
    send: async (v: Values, key) =>
      unwrap(
        await api.POST('/v1/subscriptions', {
          params: { header: { 'Idempotency-Key': key } },
          body: { url: v.url, eventTypes: String(v.eventTypes).split(/[\s,]+/).filter(Boolean), jurisdiction: v.jurisdiction, purpose: v.purpose },
        }),
      ),
    form: { instance: form, fallback: 'url', rename: (field) => field.split('.')[0]! },
    onSuccess: (answer) => {
      // The new subscription is in the answer: listed at once, whatever the refetch after it brings
      // back first (or if it fails), and shown without its secret.
      const { secret: once, ...created } = answer;
      queryClient.setQueryData<Schema<'SubscriptionPage'>>(['subscriptions'], (old) => ({ ...old, items: [created, ...(old?.items ?? []).filter((x) => x.id !== created.id)] }));
      setSecret(once);
      form.resetFields();
    },
    invalidates: [['subscriptions']],
  });
  const act = useWrite({
    send: async ({ id, action }: { id: string; action: 'pause' | 'resume' | 'rotate-secret' }, key): Promise<Schema<'Subscription'> | Schema<'SubscriptionWithSecret'>> =>
      action === 'rotate-secret'
        ? unwrap(await api.POST('/v1/subscriptions/{id}/rotate-secret', { params: { path: { id }, header: { 'Idempotency-Key': key } } }))
        : unwrap(await api.POST(`/v1/subscriptions/{id}/${action}`, { params: { path: { id } } })),
    onSuccess: (answer) => {
      if ('secret' in answer) setSecret(answer.secret);
    },
    invalidates: [['subscriptions']],
  });
  const replay = useWrite({
    send: async ({ id, deliveryId }: { id: string; deliveryId: string }) =>
      unwrap(await api.POST('/v1/subscriptions/{id}/deliveries/{deliveryId}/replay', { params: { path: { id, deliveryId } } })),
    invalidates: (_, { id }) => [['deliveries', id]],
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {secret && <Alert type="success" closable onClose={() => setSecret(undefined)} title={t(lang, 'secretOnce')} description={<Typography.Text code copyable>{secret}</Typography.Text>} />}
      <Card title={<Heading>{t(lang, 'newSubscription')}</Heading>}>
        <Form form={form} layout="inline" initialValues={{ jurisdiction: claims.jurisdiction, purpose: 'statistics', eventTypes: 'registration.*' }} onFinish={create.submit}>
          <Form.Item name="url" label="URL" rules={[{ required: true }]}>
            <Input style={{ width: 280 }} />
          </Form.Item>
          <Form.Item name="eventTypes" label={t(lang, 'eventTypes')} rules={[{ required: true }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="jurisdiction" label={t(lang, 'jurisdictionCode')} rules={[{ required: true }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="purpose" label={t(lang, 'purpose')}>
            <Select style={{ width: 160 }} options={PURPOSES.map((p) => ({ value: p, label: label(lang, p) }))} />
          </Form.Item>
          <Submit lang={lang} loading={create.sending} />
        </Form>
      </Card>
      <Card title={<Heading>{t(lang, 'subscriptions')}</Heading>}>
        <Table<Schema<'Subscription'>>
          size="small"
          rowKey="id"
          loading={subscriptions.isLoading}
          dataSource={subscriptions.data?.items ?? []}
          columns={[
            { title: t(lang, 'subscriptionId'), dataIndex: 'id' },
            { title: 'URL', dataIndex: 'url' },
            { title: t(lang, 'eventTypes'), dataIndex: 'eventTypes', render: (v: string[]) => v.map((type) => eventLabel(lang, type)).join(lang === 'zh' ? '、' : ', ') },
            { title: t(lang, 'purpose'), dataIndex: 'purpose', render: (p: string) => label(lang, p) },
            { title: t(lang, 'state'), dataIndex: 'state', render: (s: string) => <Tag color={s === 'active' ? TAG.done : s === 'paused' ? TAG.waiting : TAG.late}>{label(lang, s)}</Tag> },
            {
              title: t(lang, 'actions'),
              key: 'actions',
              render: (_, s) => (
                <Space wrap>
                  {s.state === 'active' ? (
                    <Button size="small" onClick={() => act.submit({ id: s.id, action: 'pause' })}>
                      {t(lang, 'pause')}
                    </Button>
                  ) : (
                    <Button size="small" onClick={() => act.submit({ id: s.id, action: 'resume' })}>
                      {t(lang, 'resume')}
                    </Button>
                  )}
                  <Button size="small" onClick={() => act.submit({ id: s.id, action: 'rotate-secret' })}>
                    {t(lang, 'rotateSecret')}
                  </Button>
                  <Button size="small" onClick={() => setOpen(s.id)}>{t(lang, 'deliveries')}</Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {open && (
        <Card title={<Heading>{`${t(lang, 'deliveries')} · ${open}`}</Heading>}>
          <Table<Schema<'Delivery'>>
            size="small"
            rowKey="id"
            loading={deliveries.isLoading}
            dataSource={deliveries.data?.items ?? []}
            columns={[
              { title: t(lang, 'eventType'), dataIndex: 'eventType', render: (type: string) => eventLabel(lang, type) },
              { title: t(lang, 'state'), dataIndex: 'state', render: (s: string) => <Tag color={s === 'delivered' ? TAG.done : s === 'exhausted' ? TAG.late : TAG.waiting}>{label(lang, s)}</Tag> },
              { title: t(lang, 'attempts'), key: 'attempts', render: (_, d) => d.attempts.map((a) => `${localTime(a.at)} ${a.status ?? a.error ?? ''}`).join(' · ') },
              {
                title: '',
                key: 'replay',
                render: (_, d) => (
                  <Button size="small" onClick={() => replay.submit({ id: open, deliveryId: d.id })}>
                    {t(lang, 'replay')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
