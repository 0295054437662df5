// Between offices: assistance requests received and sent, and the appeals this office decides.
// Each opens on the case page, whose actions (answer, decline, decide) come from the workflow table.
import { useQuery } from '@tanstack/react-query';
import { Card, Tabs } from 'antd';
import { api, unwrap } from '../api.ts';
import { t } from '../i18n.ts';
import type { PageProps } from '../page.ts';
import { type CaseRow, CaseTable } from './CaseTable.tsx';
import { Heading, Place } from './ui.tsx';

export default function Requests({ lang, claims, go }: PageProps) {
  const jurisdiction = claims.jurisdiction ?? '';
  const useList = (key: string, load: () => Promise<{ items: CaseRow[] }>) => useQuery({ queryKey: ['requests', key, jurisdiction], queryFn: load });
  const received = useList('received', async () => unwrap(await api.GET('/v1/assistance-requests', { params: { query: { jurisdiction, limit: 100 } } })));
  const sent = useList('sent', async () => unwrap(await api.GET('/v1/assistance-requests', { params: { query: { jurisdiction, direction: 'sent', limit: 100 } } })));
  const appeals = useList('appeals', async () => unwrap(await api.GET('/v1/cases', { params: { query: { jurisdiction, type: 'appeal', state: 'lodged', limit: 100 } } })));
  const tab = (key: string, label: string, q: { data?: { items: CaseRow[] }; isLoading: boolean }) => ({
    key,
    label: `${label} (${q.data?.items.length ?? 0})`,
    children: <CaseTable lang={lang} rows={q.data?.items ?? []} loading={q.isLoading} go={go} />,
  });
  return (
    <Card
      title={
        <Heading>
          {t(lang, 'requests')} · <Place code={jurisdiction} />
        </Heading>
      }
    >
      <Tabs items={[tab('received', t(lang, 'received'), received), tab('sent', t(lang, 'sent'), sent), tab('appeals', t(lang, 'appealsToDecide'), appeals)]} />
    </Card>
  );
}
