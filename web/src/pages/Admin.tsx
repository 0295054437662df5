// An administrator's view of reference data: a jurisdiction with its children, and the policy in
// force there with the prefix each setting came from (default, national or a code prefix): settings,
// values, levels and sources in words, jurisdictions by name.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../api.ts';
import { type Lang, t } from '../i18n.ts';
import { label, settingLines } from '../labels.ts';
import type { PageProps } from '../page.ts';
import { placeQuery } from '../places.ts';
import { TAG } from './common.ts';
import HolidayCalendar from './Calendar.tsx';
import { Heading, Place } from './ui.tsx';

/** Where a setting came from: the built-in default, the national settings or a jurisdiction's, by name. */
function Sources({ sources, lang }: { sources: string[]; lang: Lang }) {
  return (
    <>
      {sources.map((s, i) => (
        <span key={s}>
          {i > 0 && ' + '}
          {/^\d+$/.test(s) ? <Place code={s} /> : label(lang, s)}
        </span>
      ))}
    </>
  );
}

export default function Admin({ lang, claims }: PageProps) {
  const [code, setCode] = useState(claims.jurisdiction ?? '11');
  // The same query (and cache) the names of jurisdictions read.
  const jurisdiction = useQuery(placeQuery(code));
  const policy = useQuery({ queryKey: ['policy', code], queryFn: async () => unwrap(await api.GET('/v1/jurisdictions/{code}/policy', { params: { path: { code } } })) });
  const rows = Object.entries(policy.data?.policy ?? {}).map(([setting, value]: [string, unknown]) => ({ setting, value, source: policy.data?.sources[setting] }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={<Heading>{t(lang, 'jurisdictions')}</Heading>}>
        <Input.Search aria-label={t(lang, 'jurisdictionCode')} defaultValue={code} onSearch={(v) => v && setCode(v.trim())} style={{ maxWidth: 320, marginBottom: 12 }} />
        {jurisdiction.error && <Alert type="error" title={jurisdiction.error.message} />}
        {jurisdiction.data && (
          <Space direction="vertical">
            <Typography.Text strong>
              <Place code={jurisdiction.data.code} /> · {label(lang, jurisdiction.data.level)}
            </Typography.Text>
            <Space wrap>
              {jurisdiction.data.children.map((c) => (
                <Tag key={c.code} color={TAG.plain} onClick={() => setCode(c.code)} style={{ cursor: 'pointer' }}>
                  {c.code} {c.name}
                </Tag>
              ))}
            </Space>
          </Space>
        )}
      </Card>
      <HolidayCalendar lang={lang} national={claims.jurisdiction === undefined} />
      <Card
        title={
          <Heading>
            {t(lang, 'policy')} · <Place code={code} />
          </Heading>
        }
      >
        <Table
          size="small"
          rowKey="setting"
          loading={policy.isLoading}
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t(lang, 'setting'), dataIndex: 'setting', width: 220, render: (setting: string) => label(lang, setting, 'setting') },
            {
              title: t(lang, 'value'),
              dataIndex: 'value',
              render: (v: unknown, row) => settingLines(lang, v, row.setting).map((line, i) => <div key={i}>{line}</div>),
            },
            {
              title: t(lang, 'source'),
              dataIndex: 'source',
              width: 200,
              render: (s: string | string[] | undefined) => <Sources sources={Array.isArray(s) ? s : [String(s)]} lang={lang} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
