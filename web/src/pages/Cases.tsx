// An office's cases: newest activity first, filtered by type, state and overdue; overdue rows marked.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../api.ts';
import { t } from '../i18n.ts';
import type { PageProps } from '../main.tsx';
import { type CaseRow, CaseTable } from './CaseTable.tsx';
import { COLLECTIONS } from './common.ts';


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
      ) as unknown as { items: CaseRow[] },
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
      <CaseTable lang={lang} rows={cases.data?.items ?? []} loading={cases.isLoading} go={go} />
    </Card>
  );
}
