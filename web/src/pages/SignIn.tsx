// Sign-in. Locally: the demo accounts of the local stack, signed in through its dev issuer. In AWS
// (config.json names an OpenID provider): one button to Cognito's hosted UI; neither the demo list
// nor its token route exists there.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, List, Typography } from 'antd';
import { type Lang, t } from '../i18n.ts';
import { label } from '../labels.ts';
import { consoleConfig, signIn, signInError, startSignIn } from '../session.ts';
import { Heading } from './ui.tsx';

interface DemoAccount {
  id: string;
  label: string;
  role: string;
  jurisdiction?: string;
}

export default function SignIn({ lang }: { lang: Lang }) {
  if (consoleConfig().signIn === 'oidc') return <ProviderSignIn lang={lang} />;
  return <DemoSignIn lang={lang} />;
}

function ProviderSignIn({ lang }: { lang: Lang }) {
  return (
    <Card title={<Heading>{t(lang, 'signIn')}</Heading>} style={{ maxWidth: 640 }}>
      {signInError && <Alert type="error" title={signInError} style={{ marginBottom: 16 }} />}
      <Button type="primary" onClick={() => void startSignIn()}>
        {t(lang, 'signInWithProvider')}
      </Button>
    </Card>
  );
}

function DemoSignIn({ lang }: { lang: Lang }) {
  const accounts = useQuery({
    queryKey: ['demo-accounts'],
    queryFn: async () => {
      const r = await fetch('/_local/demo-accounts');
      if (!r.ok) throw new Error(`${r.status}`);
      return (await r.json()) as DemoAccount[];
    },
  });
  const choose = async (id: string) => {
    const r = await fetch('/_local/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: id }) });
    const { token } = (await r.json()) as { token: string };
    signIn(token);
    window.location.reload();
  };
  return (
    <Card title={<Heading>{t(lang, 'signIn')}</Heading>} style={{ maxWidth: 640 }}>
      <Typography.Paragraph>{t(lang, 'demoAccounts')}</Typography.Paragraph>
      {accounts.error && <Alert type="error" title={String(accounts.error)} />}
      <List
        loading={accounts.isLoading}
        dataSource={accounts.data ?? []}
        renderItem={(a) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Button type="link" style={{ padding: 0 }} onClick={() => void choose(a.id)}>
                  {a.label}
                </Button>
              }
              description={`${label(lang, a.role)}${a.jurisdiction ? ` · ${a.jurisdiction}` : ''}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
