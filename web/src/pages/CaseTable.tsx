// One table of cases for every list (the office's cases, requests sent and received, appeals to
// decide): the person with masked numbers, type, state tag, deadline with the days left, open.
import { Table, Tag } from 'antd';
import { type Lang, t } from '../i18n.ts';
import { label } from '../labels.ts';
import { caseHash, daysLeft, stateTag } from './common.ts';
import { OpenCase } from './ui.tsx';

export type CaseRow = { id: string; type: string; state: string; person?: { name: string; idNumber: string }; question?: string; deadline?: { date: string } | null };

export function CaseTable({ lang, rows, loading, go }: { lang: Lang; rows: CaseRow[]; loading: boolean; go(hash: string): void }) {
  const open = (r: CaseRow) => go(caseHash(r.type, r.id));
  return (
    <Table<CaseRow>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20 }}
      onRow={(r) => ({ onClick: () => open(r) })}
      columns={[
        { title: t(lang, 'person'), key: 'person', render: (_, r) => (r.person ? `${r.person.name} ${r.person.idNumber}` : (r.question ?? '—')) },
        { title: t(lang, 'type'), dataIndex: 'type', render: (type: string) => label(lang, type) },
        { title: t(lang, 'state'), dataIndex: 'state', render: (s: string) => <Tag color={stateTag(s)}>{label(lang, s)}</Tag> },
        { title: t(lang, 'deadline'), key: 'deadline', render: (_, r) => (r.deadline ? `${r.deadline.date} (${daysLeft(r.deadline.date)})` : '—') },
        {
          title: '',
          key: 'open',
          render: (_, r) => <OpenCase lang={lang} go={go} type={r.type} id={r.id} />,
        },
      ]}
    />
  );
}
