// Local only: the demo accounts of the local stack, signed in through its dev issuer. In AWS the
// console signs in through Cognito's hosted UI; neither this page's list nor its token route exists there.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, List, Typography } from 'antd';
import { type Lang, t } from '../i18n.ts';
import { RETURN_TO } from '../api.ts';
import { signIn } from '../session.ts';

interface DemoAccount {
  id: string;
  label: string;
  role: string;
  jurisdiction?: string;
}

export default function SignIn({ lang }: { lang: Lang }) {
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
    const back = sessionStorage.getItem(RETURN_TO);
    sessionStorage.removeItem(RETURN_TO);
    window.location.hash = back ? back : id.startsWith('person') ? '#/me' : id.startsWith('agency') ? '#/subscriptions' : id === 'admin' ? '#/admin' : '#/cases';
    window.location.reload();
  };
  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t(lang, 'signIn')}</Typography.Title>} style={{ maxWidth: 640 }}>
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
              description={`${a.role}${a.jurisdiction ? ` · ${a.jurisdiction}` : ''}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
