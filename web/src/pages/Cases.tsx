// An office's cases: newest activity first, filtered by type, state, overdue and due before a day;
// overdue rows marked. The states offered are the chosen workflow table's own.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Select, Space, Switch } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { WORKFLOWS } from '../../../core/workflows/index.ts';
import { COLLECTIONS, type CaseState, type CaseType, api, isCaseType, unwrap } from '../api.ts';
import { t } from '../i18n.ts';
import { label } from '../labels.ts';
import type { PageProps } from '../page.ts';
import { CaseTable } from './CaseTable.tsx';
import { Heading, Place } from './ui.tsx';

/** Every workflow's states, for a list of any type. */
const ALL_STATES: readonly CaseState[] = [...new Set(Object.values(WORKFLOWS).flatMap((w): readonly CaseState[] => w.states))];

export default function Cases({ lang, claims, go }: PageProps) {
  const [type, setType] = useState<CaseType | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [state, setState] = useState<CaseState | undefined>();
  const [dueBefore, setDueBefore] = useState<dayjs.Dayjs | null>(null);
  const states: readonly CaseState[] = type ? WORKFLOWS[type].states : ALL_STATES;
  const jurisdiction = claims.jurisdiction ?? '';
  const cases = useQuery({
    queryKey: ['cases', jurisdiction, type, overdue, state, dueBefore?.format('YYYY-MM-DD')],
    enabled: jurisdiction !== '',
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/cases', {
          params: {
            query: {
              jurisdiction,
              limit: 100,
              ...(type ? { type } : {}),
              ...(overdue ? { overdue: 'true' } : {}),
              ...(state ? { state } : {}),
              // Due before the start of that day, Asia/Shanghai.
              ...(dueBefore ? { dueBefore: new Date(`${dueBefore.format('YYYY-MM-DD')}T00:00:00+08:00`).toISOString() } : {}),
            },
          },
        }),
      ),
  });
  return (
    <Card
      title={
        <Heading>
          {t(lang, 'cases')} · <Place code={jurisdiction} />
        </Heading>
      }
    >
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          aria-label={t(lang, 'type')}
          allowClear
          placeholder={t(lang, 'type')}
          style={{ width: 200 }}
          value={type}
          onChange={(v) => {
            setType(v);
            setState(undefined);
          }}
          options={Object.keys(COLLECTIONS).filter(isCaseType).map((k) => ({ value: k, label: label(lang, k) }))}
        />
        <Select
          aria-label={t(lang, 'state')}
          disabled={overdue}
          showSearch
          optionFilterProp="label"
          allowClear
          placeholder={t(lang, 'state')}
          style={{ width: 200 }}
          value={state}
          onChange={setState}
          options={states.map((k) => ({ value: k, label: label(lang, k) }))}
        />
        <DatePicker aria-label={t(lang, 'dueBefore')} placeholder={t(lang, 'dueBefore')} value={dueBefore} onChange={setDueBefore} />
        <Space>
          <Switch aria-label={t(lang, 'onlyOverdue')} checked={overdue}
            onChange={(on) => {
              setOverdue(on);
              if (on) setState(undefined);
            }} />
          {t(lang, 'onlyOverdue')}
        </Space>
      </Space>
      {cases.error && <Alert type="error" title={cases.error.message} />}
      <CaseTable lang={lang} rows={cases.data?.items ?? []} loading={cases.isLoading} go={go} />
    </Card>
  );
}
