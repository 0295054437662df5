// A supervisor's dashboard: each completeness rate per period against its target, as a chart;
// a click on a bar lists the cases behind it (those missing first). Below, the published reports
// to download, and the data-quality list of an office. Rates, periods and parts in words, offices by name.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { type Schema, api, download, unwrap } from '../api.ts';
import type { paths } from '../api/schema.d.ts';
import { isWord, t } from '../i18n.ts';
import { label } from '../labels.ts';
import type { PageProps } from '../page.ts';
import { TAG, caseHash } from './common.ts';
import { Heading, OpenCase, Place } from './ui.tsx';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

type Rate = paths['/v1/statistics/cases']['get']['parameters']['query']['rate'];
const RATES: readonly Rate[] = ['registeredOnTime', 'certificatesProcessedInTime', 'verificationCertificatesIssued', 'reviewsOnTime', 'noticesAcknowledgedInTime', 'appealsDecidedInTime'];
type Figures = Schema<'PeriodFigures'>;
type MissingCase = Schema<'StatisticsCasePage'>['items'][number];
type Report = Schema<'Report'>;

// The data-quality findings and a missing case's summary are open records in the API's schema
// ({ [key]: unknown }): read field by field, as text.
const text = (value: unknown): string | undefined => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
/** A data-quality finding as a row: the case, its office and what is wrong with it, in words. */
interface Finding {
  caseId: string;
  caseType: string;
  office: string;
  finding: string;
}
const findingOf = (f: Record<string, unknown>, finding: string): Finding => ({ caseId: text(f.caseId) ?? '', caseType: text(f.caseType) ?? '', office: text(f.office) ?? '', finding });
/** The person of a missing case (numbers masked), or its notice. */
function personOf(r: MissingCase): string {
  const person = r.case?.person;
  if (typeof person === 'object' && person !== null && 'name' in person && 'idNumber' in person) return `${text(person.name)} ${text(person.idNumber)}`;
  return r.noticeEventId ?? '—';
}

function RateChart({ figures, rate, onPick, name, targetName }: { figures: Figures[]; rate: Rate; onPick(period: string): void; name: string; targetName: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    const target = figures[0]?.rates.find((r) => r.id === rate)?.target ?? 0.95;
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: figures.map((p) => p.period) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          name,
          data: figures.map((p) => {
            const r = p.rates.find((x) => x.id === rate);
            return { value: r?.rate === null || r === undefined ? 0 : Math.round(r.rate * 1000) / 10, itemStyle: { color: r?.meets === false ? TAG.late : TAG.done } };
          }),
          markLine: { symbol: 'none', data: [{ yAxis: target * 100, name: targetName }], lineStyle: { color: '#111827', type: 'dashed' } },
        },
      ],
    });
    chart.on('click', (e) => onPick(String(e.name)));
    return () => chart.dispose();
  }, [figures, rate, onPick, name, targetName]);
  return <div ref={ref} role="img" aria-label={`${name}: ${figures.map((p) => p.period).join(', ')}`} style={{ height: 260, width: '100%' }} />;
}

export default function Statistics({ lang, claims, go }: PageProps) {
  const jurisdiction = claims.jurisdiction ?? '';
  const [kind, setKind] = useState<'dekad' | 'month' | 'quarter'>('month');
  const [range, setRange] = useState<[dayjs.Dayjs, dayjs.Dayjs]>([dayjs().subtract(2, 'month').startOf('month'), dayjs()]);
  const [rate, setRate] = useState(RATES[0]!);
  const [picked, setPicked] = useState<string | undefined>();
  const figures = useQuery({
    queryKey: ['statistics', jurisdiction, kind, range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD')],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/statistics', {
          params: { query: { jurisdiction, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), period: kind } },
        }),
      ),
  });
  const cases = useQuery({
    queryKey: ['statistics-cases', jurisdiction, rate, picked],
    enabled: picked !== undefined,
    queryFn: async () =>
      unwrap(await api.GET('/v1/statistics/cases', { params: { query: { jurisdiction, rate, period: picked!, part: 'missing', limit: 100 } } })),
  });
  const reports = useQuery({
    queryKey: ['reports', jurisdiction],
    queryFn: async () => unwrap(await api.GET('/v1/reports', { params: { query: { jurisdiction, limit: 20 } } })),
  });
  const quality = useQuery({
    queryKey: ['quality', jurisdiction],
    queryFn: async () => unwrap(await api.GET('/v1/statistics/quality', { params: { query: { jurisdiction } } })),
  });
  const fieldWord = (field: string) => (isWord(field) ? t(lang, field) : field);
  const [colon, comma] = lang === 'zh' ? ['：', '、'] : [': ', ', '];
  const findings: Finding[] = quality.data
    ? [
        ...quality.data.missingFields.map((f) =>
          findingOf(f, `${t(lang, 'missingFields')}${colon}${(Array.isArray(f.fields) ? f.fields : []).map((path) => fieldWord(String(path).split('.').at(-1)!)).join(comma)}`),
        ),
        ...quality.data.stale.map((f) => findingOf(f, `${t(lang, 'stale')}${colon}${text(f.days)}`)),
        ...quality.data.deadlinesWithoutOutcome.map((f) => findingOf(f, `${t(lang, 'noOutcome')}${colon}${label(lang, text(f.kind))} ${text(f.deadline)} (+${text(f.daysLate)})`)),
      ]
    : [];
  const openCase = (caseType: string, caseId: string) => go(caseHash(caseType, caseId));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={
          <Heading>
            {t(lang, 'statistics')} · <Place code={jurisdiction} />
          </Heading>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Select aria-label={t(lang, 'rate')} value={rate} onChange={setRate} style={{ width: 280 }} options={RATES.map((r) => ({ value: r, label: label(lang, r) }))} />
          <Select aria-label={t(lang, 'period')} value={kind} onChange={setKind} style={{ width: 140 }} options={(['dekad', 'month', 'quarter'] as const).map((k) => ({ value: k, label: label(lang, k) }))} />
          <DatePicker.RangePicker aria-label={t(lang, 'period')} value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
        </Space>
        {figures.error && <Alert type="error" title={figures.error.message} />}
        {figures.data && <RateChart figures={figures.data.items} rate={rate} onPick={setPicked} name={label(lang, rate)} targetName={t(lang, 'target')} />}
        <Table<Figures>
          size="small"
          rowKey="period"
          pagination={false}
          dataSource={figures.data?.items ?? []}
          columns={[
            { title: t(lang, 'period'), dataIndex: 'period', render: (p: string, row) => <>{p} {row.provisional && <Tag color={TAG.waiting}>{t(lang, 'provisional')}</Tag>}</> },
            ...(['numerator', 'denominator', 'rate'] as const).map((part) => ({
              title: part === 'rate' ? t(lang, 'rateValue') : label(lang, part),
              key: part,
              render: (_: unknown, row: Figures) => {
                const r = row.rates.find((x) => x.id === rate);
                if (!r) return '—';
                return part === 'rate' ? (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`) : r[part];
              },
            })),
            { title: '', key: 'open', render: (_, row) => <Button size="small" onClick={() => setPicked(row.period)}>{t(lang, 'missing')}</Button> },
          ]}
        />
      </Card>
      {picked && (
        <Card title={<Heading>{`${t(lang, 'missing')} · ${label(lang, rate)} · ${picked}`}</Heading>}>
          <Table<MissingCase>
            size="small"
            rowKey={(r) => r.caseId ?? r.noticeEventId ?? ''}
            loading={cases.isLoading}
            dataSource={cases.data?.items ?? []}
            onRow={(r) => ({ onClick: () => r.caseId && r.caseType !== 'notice' && openCase(r.caseType, r.caseId) })}
            columns={[
              { title: t(lang, 'person'), key: 'person', render: (_, r) => personOf(r) },
              { title: t(lang, 'office'), dataIndex: 'jurisdiction', render: (code: string) => <Place code={code} /> },
              { title: t(lang, 'deadline'), dataIndex: 'placedOn' },
              { title: t(lang, 'state'), key: 'state', render: (_, r) => label(lang, text(r.case?.state)) },
              { title: '', key: 'open', render: (_, r) => r.caseId && r.caseType !== 'notice' && <OpenCase lang={lang} go={go} type={r.caseType} id={r.caseId} /> },
            ]}
          />
        </Card>
      )}
      <Card title={<Heading>{t(lang, 'dataQuality')}</Heading>} loading={quality.isLoading}>
        {quality.data && (
          <Typography.Paragraph>
            {t(lang, 'updates')}: {text(quality.data.updates.daysWithUpdates)} / {text(quality.data.updates.target)}{' '}
            <Tag color={quality.data.updates.meets ? TAG.done : TAG.late}>{t(lang, quality.data.updates.meets ? 'meetsTarget' : 'belowTarget')}</Tag>
          </Typography.Paragraph>
        )}
        <Table<Finding>
          size="small"
          rowKey={(r) => `${r.caseId}-${r.finding}`}
          dataSource={findings}
          onRow={(r) => ({ onClick: () => openCase(r.caseType, r.caseId) })}
          columns={[
            { title: t(lang, 'office'), dataIndex: 'office', render: (code: string) => <Place code={code} /> },
            { title: t(lang, 'type'), dataIndex: 'caseType', render: (type: string) => label(lang, type) },
            { title: t(lang, 'finding'), dataIndex: 'finding' },
            { title: '', key: 'open', render: (_, r) => <OpenCase lang={lang} go={go} type={r.caseType} id={r.caseId} /> },
          ]}
        />
      </Card>
      <Card title={<Heading>{t(lang, 'reports')}</Heading>}>
        <Table<Report>
          size="small"
          rowKey="id"
          loading={reports.isLoading}
          dataSource={reports.data?.items ?? []}
          columns={[
            { title: t(lang, 'report'), dataIndex: 'id' },
            { title: t(lang, 'period'), dataIndex: 'period' },
            { title: t(lang, 'version'), dataIndex: 'version', render: (v: number, r) => (r.corrects ? `${v} (${t(lang, 'corrects')} ${r.corrects})` : v) },
            { title: '', key: 'csv', render: (_, r) => <Button size="small" onClick={() => void download(`/v1/reports/${r.id}?format=csv`, `${r.id}.csv`)}>CSV</Button> },
          ]}
        />
      </Card>
    </Space>
  );
}
