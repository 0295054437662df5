// An office's cases: newest activity first, filtered by type, state and overdue; overdue rows marked.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../api.ts';
import { t } from '../i18n.ts';
import type { PageProps } from '../main.tsx';
import { COLLECTIONS, daysLeft, stateTag } from './common.ts';

type Row = { id: string; type: string; state: string; person?: { name: string; idNumber: string }; deadline?: { date: string; dueAt: string } | null; updatedAt: string };

export default function Cases({ lang, claims, go }: PageProps) {
  const [type, setType] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const jurisdiction = claims.jurisdiction ?? '';
  const cases = useQuery({
    queryKey: ['cases', jurisdiction, type, overdue],
    enabled: jurisdiction !== '',
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/cases', {
          params: { query: { jurisdiction, limit: 100, ...(type ? { type: type as never } : {}), ...(overdue ? { overdue: 'true' as never } : {}) } as never },
        }),
      ) as unknown as { items: Row[] },
  });
  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t(lang, 'cases')} · {jurisdiction}</Typography.Title>}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          aria-label={t(lang, 'type')}
          allowClear
          placeholder={t(lang, 'type')}
          style={{ width: 200 }}
          value={type}
          onChange={setType}
          options={Object.keys(COLLECTIONS).map((k) => ({ value: k, label: k }))}
        />
        <Space>
          <Switch aria-label={t(lang, 'onlyOverdue')} checked={overdue} onChange={setOverdue} />
          {t(lang, 'onlyOverdue')}
        </Space>
      </Space>
      {cases.error && <Alert type="error" title={String((cases.error as Error).message)} />}
      <Table<Row>
        rowKey="id"
        size="small"
        loading={cases.isLoading}
        dataSource={cases.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        onRow={(r) => ({ onClick: () => go(`#/case/${COLLECTIONS[r.type] ?? 'registrations'}/${r.id}`) })}
        rowClassName={(r) => (r.state === 'overdue' ? 'overdue' : '')}
        columns={[
          { title: t(lang, 'person'), key: 'person', render: (_, r) => (r.person ? `${r.person.name} ${r.person.idNumber}` : '—') },
          { title: t(lang, 'type'), dataIndex: 'type' },
          { title: t(lang, 'state'), dataIndex: 'state', render: (s: string) => <Tag color={stateTag(s)}>{s}</Tag> },
          {
            title: t(lang, 'deadline'),
            key: 'deadline',
            render: (_, r) => (r.deadline ? `${r.deadline.date} (${daysLeft(r.deadline.date)})` : '—'),
          },
          {
            title: '',
            key: 'open',
            render: (_, r) => (
              <Button size="small" onClick={() => go(`#/case/${COLLECTIONS[r.type] ?? 'registrations'}/${r.id}`)}>
                {t(lang, 'open')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
