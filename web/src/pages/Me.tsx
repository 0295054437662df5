// A person's own view, phone-sized first: their cases with the deadline and what to do next,
// the messages sent to them, and who read their record.
import { useQuery } from '@tanstack/react-query';
import { Card, List, Space, Tag, Typography } from 'antd';
import { api, unwrap } from '../api.ts';
import { type Lang, t } from '../i18n.ts';
import type { PageProps } from '../main.tsx';
import { TAG, daysLeft, localTime, stateTag } from './common.ts';

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

export default function Me({ lang }: PageProps) {
  const cases = useQuery({ queryKey: ['me', 'cases'], queryFn: async () => unwrap(await api.GET('/v1/me/cases', { params: { query: { limit: 50 } as never } })) as Json });
  const log = useQuery({ queryKey: ['me', 'access-log'], queryFn: async () => unwrap(await api.GET('/v1/me/access-log', { params: { query: { limit: 50 } as never } })) as Json });
  const heading = (text: string) => <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{text}</Typography.Title>;
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 640 }}>
      <Card title={heading(t(lang, 'myCases'))} loading={cases.isLoading}>
        <List
          dataSource={(cases.data?.items ?? []) as Json[]}
          renderItem={(c) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap>
                    {c.type} <Tag color={stateTag(c.state)}>{c.state}</Tag>
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
          )}
        />
      </Card>
      <Card title={heading(t(lang, 'accessLog'))} loading={log.isLoading}>
        <List
          dataSource={(log.data?.items ?? []) as Json[]}
          renderItem={(e) => (
            <List.Item>
              <List.Item.Meta
                title={`${localTime(e.at)} · ${e.action}`}
                description={`${e.by.office ?? e.by.agency ?? ''} ${e.by.role} · ${e.purpose}${e.reason ? ` · ${e.reason}` : ''}`}
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
