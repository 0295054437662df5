// Bulk import (an employer's staff list, a landlord's tenants): the office picks the CSV, the console
// starts an import, PUTs the file to the upload URL the API signed (the file never passes through
// the API), then follows it with a progress bar. The error rows show below, and download as CSV to
// fix and upload again, under the headings the file came with.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../../core/import-columns.ts';
import { isJurisdictionCode } from '../../../core/jurisdiction.ts';
import { ApiError, type Schema, api, download, unwrap } from '../api.ts';
import { isWord, t } from '../i18n.ts';
import { label } from '../labels.ts';
import { useWrite } from '../mutations.ts';
import type { PageProps } from '../page.ts';
import { TAG } from './common.ts';
import { Heading, Submit } from './ui.tsx';

type ImportState = Schema<'ImportStatus'>['state'];
const FINISHED: readonly (ImportState | undefined)[] = ['done', 'failed'];

export default function Imports({ lang, claims }: PageProps) {
  const [form] = Form.useForm<{ destinationCode: string; file?: unknown }>();
  const [file, setFile] = useState<File | undefined>();
  const [id, setId] = useState<string | undefined>();
  const status = useQuery({
    queryKey: ['import', id],
    enabled: id !== undefined,
    queryFn: async () => unwrap(await api.GET('/v1/imports/{id}', { params: { path: { id: id! }, query: { limit: 100 } } })),
    // Followed every second until the import is done (or the file refused).
    refetchInterval: (query) => (FINISHED.includes(query.state.data?.state) ? false : 1000),
  });
  // The import is started, then the file PUT to the URL the API signed: a refused upload is told
  // beside the file.
  const start = useWrite({
    send: async ({ destinationCode, chosen }: { destinationCode: string; chosen: File }, key) => {
      const { id: started, upload } = unwrap(await api.POST('/v1/imports', { params: { header: { 'Idempotency-Key': key } }, body: { destinationCode } }));
      // The signed URL is the credential: no bearer token goes to the bucket. The local stack's
      // upload path lives on the console's own origin, whichever host name the browser used.
      const target = new URL(upload.url);
      const url = target.pathname.startsWith('/_local/s3/') ? `${target.pathname}${target.search}` : upload.url;
      const put = await fetch(url, { method: upload.method, body: chosen });
      if (!put.ok) throw new ApiError({ status: put.status, errors: [{ field: 'file', reason: `${t(lang, 'uploadFailed')} (${put.status})` }] });
      return started;
    },
    form: { instance: form, fallback: 'destinationCode' },
    onSuccess: setId,
  });
  const submit = ({ destinationCode }: { destinationCode: string }) => {
    if (!file) return form.setFields([{ name: 'file', errors: [t(lang, 'chooseFile')] }]);
    start.submit({ destinationCode, chosen: file });
  };

  const s = status.data;
  const percent = s ? (s.state === 'done' ? 100 : s.rows > 0 ? Math.floor((s.done / s.rows) * 100) : 0) : 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={<Heading>{t(lang, 'imports')}</Heading>} style={{ maxWidth: 720 }}>
        <Typography.Paragraph>
          {t(lang, 'importColumns')}: {Object.values(IMPORT_COLUMNS).map((headings) => headings[1]).join('，')}
          {` · ${t(lang, 'importLimits')} ${MAX_IMPORT_BYTES / 1024 / 1024} MB / ${MAX_IMPORT_ROWS.toLocaleString()}`}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ destinationCode: claims.jurisdiction }} onFinish={submit}>
          <Form.Item
            name="destinationCode"
            label={t(lang, 'destinationCode')}
            rules={[{ required: true }, { validator: async (_, v: string) => { if (v && !isJurisdictionCode(v)) throw new Error(t(lang, 'notACode')); } }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="file" label={t(lang, 'csvFile')} required>
            <Upload
              accept=".csv,text/csv"
              maxCount={1}
              beforeUpload={(chosen) => {
                setFile(chosen);
                form.setFields([{ name: 'file', errors: [] }]);
                return false; // kept here; sent to the signed URL on submit
              }}
              onRemove={() => setFile(undefined)}
            >
              <Button>{t(lang, 'chooseFile')}</Button>
            </Upload>
          </Form.Item>
          <Submit lang={lang} word="startImport" loading={start.sending} disabled={id !== undefined && !FINISHED.includes(s?.state)} />
        </Form>
      </Card>
      {id && (
        <Card title={<Heading>{t(lang, 'importProgress')}</Heading>}>
          {status.error && <Alert type="error" title={status.error.message} />}
          <Progress percent={percent} status={s?.state === 'failed' ? 'exception' : s?.state === 'done' ? 'success' : 'active'} aria-label={t(lang, 'importProgress')} />
          {s && (
            <Descriptions size="small" column={{ xs: 1, sm: 3 }} bordered style={{ marginTop: 12 }}>
              <Descriptions.Item label={t(lang, 'state')}>
                <Tag color={s.state === 'failed' ? TAG.late : s.state === 'done' ? TAG.done : TAG.plain}>{label(lang, s.state)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t(lang, 'rows')}>{`${s.done} / ${s.rows}`}</Descriptions.Item>
              <Descriptions.Item label={t(lang, 'importCounts')}>{`${s.created} · ${s.updated} · ${s.failed}`}</Descriptions.Item>
              {s.reason && <Descriptions.Item label={t(lang, 'reason')}>{s.reason}</Descriptions.Item>}
            </Descriptions>
          )}
          {s?.state === 'done' && s.failed > 0 && (
            <>
              <Space style={{ margin: '12px 0' }}>
                <Typography.Text>{`${t(lang, 'errorRows')}: ${s.failed}`}</Typography.Text>
                <Button onClick={() => void download(`/v1/imports/${id}?format=csv`, `import-${id}-errors.csv`)}>{t(lang, 'downloadErrors')}</Button>
              </Space>
              <Table
                size="small"
                rowKey={(r) => `${r.row}-${r.field}`}
                dataSource={s.errors.items}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: t(lang, 'row'), dataIndex: 'row' },
                  {
                    title: t(lang, 'field'),
                    dataIndex: 'field',
                    // The column as the file headed it; a whole row's problem as such.
                    render: (field: string) => s.headings?.[field] ?? (field === 'row' ? t(lang, 'wholeRow') : isWord(field) ? t(lang, field) : field),
                  },
                  { title: t(lang, 'reason'), dataIndex: 'reason' },
                ]}
              />
            </>
          )}
        </Card>
      )}
    </Space>
  );
}
