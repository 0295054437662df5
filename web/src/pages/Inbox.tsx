// An office's inbox: notices from other offices and deadline escalations, unread first marked,
// each acknowledged with one click (the first acknowledgement stands).
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Switch, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { type Schema, api, unwrap } from '../api.ts';
import { t } from '../i18n.ts';
import { eventLabel } from '../labels.ts';
import { useWrite } from '../mutations.ts';
import type { PageProps } from '../page.ts';
import { TAG, localTime } from './common.ts';
import { Heading, OpenCase, Place } from './ui.tsx';

export default function Inbox({ lang, claims, go }: PageProps) {
  const code = claims.jurisdiction ?? '';
  const [unread, setUnread] = useState(true);
  const notices = useQuery({
    queryKey: ['inbox', code, unread],
    queryFn: async () => unwrap(await api.GET('/v1/jurisdictions/{code}/notices', { params: { path: { code }, query: { limit: 100, ...(unread ? { unread: 'true' } : {}) } } })),
  });
  const acknowledge = useWrite({
    send: async (eventId: string) => unwrap(await api.POST('/v1/jurisdictions/{code}/notices/{eventId}/ack', { params: { path: { code, eventId } } })),
    invalidates: [['inbox', code]],
  });
  const items = notices.data?.items ?? [];
  return (
    <Card
      title={
        <Heading>
          {t(lang, 'inbox')} · <Place code={code} /> {unread && <Badge count={items.length} showZero color={TAG.late} />}
        </Heading>
      }
    >
      <Space style={{ marginBottom: 12 }}>
        <Switch aria-label={t(lang, 'unreadOnly')} checked={unread} onChange={setUnread} />
        {t(lang, 'unreadOnly')}
      </Space>
      <Table<Schema<'Notice'>>
        size="small"
        rowKey="eventId"
        loading={notices.isLoading}
        dataSource={items}
        columns={[
          { title: t(lang, 'time'), dataIndex: 'time', render: (v: string) => localTime(v) },
          { title: t(lang, 'type'), dataIndex: 'type', render: (type: string) => eventLabel(lang, type) },
          { title: t(lang, 'deadline'), key: 'ack', render: (_, n) => (n.acknowledgeBy ? <Tag color={n.late ? TAG.late : TAG.waiting}>{n.acknowledgeBy.date}</Tag> : '—') },
          {
            title: '',
            key: 'actions',
            render: (_, n) => (
              <Space>
                <OpenCase lang={lang} go={go} type={n.caseType} id={n.caseId} />
                {!n.acknowledged && (
                  <Button size="small" type="primary" onClick={() => acknowledge.submit(n.eventId)}>
                    {t(lang, 'acknowledge')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
