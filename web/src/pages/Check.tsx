// The public certificate check, for landlords and employers: no sign-in, phone-sized first.
import { Alert, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { t, type Lang } from '../i18n.ts';
import { Heading, Submit } from './ui.tsx';

export default function Check({ lang }: { lang: Lang }) {
  const [answer, setAnswer] = useState<{ status?: string; kind?: string; validUntil?: string; holderMatches?: boolean; detail?: string } | undefined>();
  const check = async (v: { number: string; idNumber?: string }) => {
    const query = v.idNumber ? `?idNumber=${encodeURIComponent(v.idNumber)}` : '';
    const r = await fetch(`/v1/certificates/${encodeURIComponent(v.number.trim())}${query}`);
    setAnswer((await r.json()) as typeof answer);
  };
  return (
    <Card title={<Heading>{t(lang, 'check')}</Heading>} style={{ maxWidth: 480 }}>
      <Form layout="vertical" onFinish={(v) => void check(v)}>
        <Form.Item name="number" label={t(lang, 'certificateNumber')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="idNumber" label={t(lang, 'optionalIdNumber')}>
          <Input maxLength={18} />
        </Form.Item>
        <Submit lang={lang} word="check" />
      </Form>
      {answer && (
        <Alert
          style={{ marginTop: 16 }}
          type={answer.status === 'valid' ? 'success' : 'warning'}
          title={`${t(lang, 'result')}: ${answer.status ?? answer.detail ?? ''}`}
          description={answer.validUntil ? `${answer.kind ?? ''} · ${answer.validUntil}${answer.holderMatches === undefined ? '' : ` · holder ${answer.holderMatches ? '✓' : '✗'}`}` : undefined}
        />
      )}
    </Card>
  );
}
