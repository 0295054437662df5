// The public certificate check, for landlords and employers: no sign-in, phone-sized first. The
// answer in words: valid or why not, the kind of certificate, its validity, whether the holder
// matches. A mistyped number is caught here by its check character (core/certificates.ts) before
// anything is sent, and told apart from a number that is well formed but unknown; too many checks
// say how long to wait.
import { Alert, Card, Descriptions, Form, Input } from 'antd';
import { useState } from 'react';
import { parseCertificateNumber } from '../../../core/certificates.ts';
import { type Schema, publicApi } from '../api.ts';
import { type Lang, t } from '../i18n.ts';
import { label } from '../labels.ts';
import { Heading, Submit } from './ui.tsx';

type Found = Schema<'CertificateCheck'>;
type Answer = { found: Found } | { refused: 'mistyped' | 'malformed' | 'unknown' | 'unavailable' } | { tooMany: number | undefined };

/** Seconds to wait, from a Retry-After header (seconds or an HTTP date). */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(1, Math.ceil((at - Date.now()) / 1000));
}

export default function Check({ lang }: { lang: Lang }) {
  const [answer, setAnswer] = useState<Answer | undefined>();
  const [sending, setSending] = useState(false);
  const check = async (v: { number: string; idNumber?: string }) => {
    // The check character catches a mistyped number here: nothing is sent for it.
    const parsed = parseCertificateNumber(v.number.trim());
    if ('error' in parsed) return setAnswer({ refused: /check character/.test(parsed.error) ? 'mistyped' : 'malformed' });
    const query = v.idNumber ? { idNumber: v.idNumber.trim() } : {};
    setSending(true);
    try {
      const { data, response: r } = await publicApi.GET('/v1/certificates/{number}', { params: { path: { number: parsed.number }, query } });
      if (data) setAnswer({ found: data });
      else if (r.status === 429) setAnswer({ tooMany: retryAfter(r.headers.get('retry-after')) });
      else if (r.status === 404) setAnswer({ refused: 'unknown' });
      else if (r.status === 400) setAnswer({ refused: 'mistyped' });
      else setAnswer({ refused: 'unavailable' });
    } catch {
      setAnswer({ refused: 'unavailable' });
    } finally {
      setSending(false);
    }
  };
  return (
    <Card title={<Heading>{t(lang, 'check')}</Heading>} style={{ maxWidth: 480 }}>
      <Form layout="vertical" onFinish={(v) => void check(v)}>
        <Form.Item name="number" label={t(lang, 'certificateNumber')} rules={[{ required: true }]}>
          <Input placeholder="VC-XXXX-XXXX-XXXX" />
        </Form.Item>
        <Form.Item name="idNumber" label={t(lang, 'optionalIdNumber')}>
          <Input maxLength={18} />
        </Form.Item>
        <Submit lang={lang} word="check" loading={sending} />
      </Form>
      <div aria-live="polite">{answer && <Result answer={answer} lang={lang} />}</div>
    </Card>
  );
}

function Result({ answer, lang }: { answer: Answer; lang: Lang }) {
  if ('tooMany' in answer) {
    const wait = answer.tooMany === undefined ? '' : t(lang, 'retryIn').replace('{seconds}', String(answer.tooMany));
    return <Alert style={{ marginTop: 16 }} type="warning" title={t(lang, 'tooManyChecks')} description={wait || undefined} />;
  }
  if ('refused' in answer) {
    const words = { mistyped: 'mistypedNumber', malformed: 'malformedNumber', unknown: 'unknownCertificate', unavailable: 'checkUnavailable' } as const;
    return <Alert style={{ marginTop: 16 }} type={answer.refused === 'unknown' ? 'warning' : 'error'} title={t(lang, words[answer.refused])} />;
  }
  const c = answer.found;
  return (
    <Alert
      style={{ marginTop: 16 }}
      type={c.status === 'valid' ? 'success' : 'error'}
      title={`${t(lang, 'result')}：${label(lang, c.status)}`}
      description={
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t(lang, 'certificateKind')}>{label(lang, c.kind, 'certificate')}</Descriptions.Item>
          <Descriptions.Item label={t(lang, 'validity')}>{`${c.validFrom} ${t(lang, 'until')} ${c.validUntil}`}</Descriptions.Item>
          {c.holderMatches !== undefined && <Descriptions.Item label={t(lang, 'holder')}>{t(lang, c.holderMatches ? 'holderMatches' : 'holderDiffers')}</Descriptions.Item>}
        </Descriptions>
      }
    />
  );
}
