// An agency's subscriptions: create one (its signing secret shown this once), pause, resume,
// rotate the secret; each subscription's deliveries with their attempts, and replay.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, fieldErrors, sendJson, unwrap } from '../api.ts';
import { t } from '../i18n.ts';
import { eventLabel, label } from '../labels.ts';
import type { PageProps } from '../main.tsx';
import { TAG, localTime } from './common.ts';
import { Heading, Submit } from './ui.tsx';

type Json = Record<string, any>;
const PURPOSES = ['law_enforcement', 'social_security', 'housing', 'health', 'statistics'];

const post = async (path: string, body?: unknown) => {
  const r = await sendJson(path, 'POST', body);
  const json = (await r.json().catch(() => ({}))) as Json;
  return { ok: r.ok, status: r.status, json };
};

export default function Agency({ lang, claims }: PageProps) {
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<string | undefined>();
  const [open, setOpen] = useState<string | undefined>();
  const [form] = Form.useForm();
  const subscriptions = useQuery({ queryKey: ['subscriptions'], queryFn: async () => unwrap(await api.GET('/v1/subscriptions', {})) as Json });
  const deliveries = useQuery({
    queryKey: ['deliveries', open],
    enabled: open !== undefined,
    queryFn: async () => unwrap(await api.GET('/v1/subscriptions/{id}/deliveries', { params: { path: { id: open! } } as never })) as Json,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['subscriptions'] });
  const create = async (v: Json) => {
    const { ok, status, json } = await post('/v1/subscriptions', { url: v.url, eventTypes: String(v.eventTypes).split(/[\s,]+/).filter(Boolean), jurisdiction: v.jurisdiction, purpose: v.purpose });
    if (!ok) {
      form.setFields(fieldErrors({ status, ...json }, 'url', (field) => field.split('.')[0]!));
      return;
    }
    // The new subscription is in the answer: listed at once, whatever the refetch below brings
    // back first (or if it fails), and shown without its secret.
    const { secret: once, ...created } = json;
    queryClient.setQueryData(['subscriptions'], (old: Json | undefined) => ({ ...old, items: [created, ...((old?.items ?? []) as Json[]).filter((x) => x.id !== created.id)] }));
    setSecret(once);
    form.resetFields();
    await refresh();
  };
  const act = async (id: string, action: string) => {
    const { json } = await post(`/v1/subscriptions/${id}/${action}`);
    if (json.secret) setSecret(json.secret);
    await refresh();
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {secret && <Alert type="success" closable onClose={() => setSecret(undefined)} title={t(lang, 'secretOnce')} description={<Typography.Text code copyable>{secret}</Typography.Text>} />}
      <Card title={<Heading>{t(lang, 'newSubscription')}</Heading>}>
        <Form form={form} layout="inline" initialValues={{ jurisdiction: claims.jurisdiction, purpose: 'statistics', eventTypes: 'registration.*' }} onFinish={(v) => void create(v)}>
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
          <Submit lang={lang} />
        </Form>
      </Card>
      <Card title={<Heading>{t(lang, 'subscriptions')}</Heading>}>
        <Table
          size="small"
          rowKey="id"
          loading={subscriptions.isLoading}
          dataSource={(subscriptions.data?.items ?? []) as Json[]}
          columns={[
            { title: t(lang, 'subscriptionId'), dataIndex: 'id' },
            { title: 'URL', dataIndex: 'url' },
            { title: t(lang, 'eventTypes'), dataIndex: 'eventTypes', render: (v: string[]) => v.map((type) => eventLabel(lang, type)).join(lang === 'zh' ? '、' : ', ') },
            { title: t(lang, 'purpose'), dataIndex: 'purpose', render: (p: string) => label(lang, p) },
            { title: t(lang, 'state'), dataIndex: 'state', render: (s: string) => <Tag color={s === 'active' ? TAG.done : s === 'paused' ? TAG.waiting : TAG.late}>{label(lang, s)}</Tag> },
            {
              title: t(lang, 'actions'),
              key: 'actions',
              render: (_: unknown, s: Json) => (
                <Space wrap>
                  {s.state === 'active' ? (
                    <Button size="small" onClick={() => void act(s.id, 'pause')}>
                      {t(lang, 'pause')}
                    </Button>
                  ) : (
                    <Button size="small" onClick={() => void act(s.id, 'resume')}>
                      {t(lang, 'resume')}
                    </Button>
                  )}
                  <Button size="small" onClick={() => void act(s.id, 'rotate-secret')}>
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
          <Table
            size="small"
            rowKey="id"
            loading={deliveries.isLoading}
            dataSource={(deliveries.data?.items ?? []) as Json[]}
            columns={[
              { title: t(lang, 'eventType'), dataIndex: 'eventType', render: (type: string) => eventLabel(lang, type) },
              { title: t(lang, 'state'), dataIndex: 'state', render: (s: string) => <Tag color={s === 'delivered' ? TAG.done : s === 'exhausted' ? TAG.late : TAG.waiting}>{label(lang, s)}</Tag> },
              { title: t(lang, 'attempts'), key: 'attempts', render: (_: unknown, d: Json) => (d.attempts ?? []).map((a: Json) => `${localTime(a.at)} ${a.status ?? a.error ?? ''}`).join(' · ') },
              {
                title: '',
                key: 'replay',
                render: (_: unknown, d: Json) => (
                  <Button size="small" onClick={() => void post(`/v1/subscriptions/${open}/deliveries/${d.id}/replay`).then(() => deliveries.refetch())}>
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
