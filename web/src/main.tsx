// The console: the header (title, menu, account, language, sign-out) and the screen for the hash,
// both read off the list of routes (routes.tsx). Ant Design with its zh-CN locale (English on
// request), TanStack Query for what the API holds.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Button, ConfigProvider, Grid, Layout, Menu, Space, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { dropAllDrafts } from './drafts.ts';
import { type Lang, t } from './i18n.ts';
import { label } from './labels.ts';
import { usePlaceName } from './places.ts';
import { menuOf, screenOf } from './routes.tsx';
import { type Claims, claimsOf, completeSignIn, currentToken, endSession, loadConfig } from './session.ts';

/** Who asked their system for less motion gets none (no fades, no slides). */
const REDUCED_MOTION = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

const useHash = () => {
  const [hash, setHash] = useState(window.location.hash || '#/');
  useEffect(() => {
    const on = () => setHash(window.location.hash || '#/');
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
};

/** The signed-in account in words: its office's name and its role (建外街道 · 工作人员). */
function Account({ claims, lang }: { claims: Claims; lang: Lang }) {
  const office = usePlaceName(claims.jurisdiction).own;
  return <Typography.Text style={{ color: '#fff', whiteSpace: 'nowrap' }}>{[office, label(lang, claims.role)].filter(Boolean).join(' · ')}</Typography.Text>;
}

function App() {
  // On a phone the menu takes a row of its own below the title: squeezed beside it, it would
  // shrink to a clipped overflow glyph.
  const narrow = !Grid.useBreakpoint().md;
  const [lang, setLang] = useState<Lang>('zh');
  const hash = useHash();
  const token = currentToken();
  const claims = token ? claimsOf(token) : undefined;
  const go = (to: string) => {
    window.location.hash = to;
  };
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const page = screenOf(hash, lang, claims, go);
  const items = menuOf(claims).map((entry) => ({ key: entry.hash, label: t(lang, entry.word) }));
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      // Secondary and description text dark enough for WCAG AA contrast; no space pushed between two
      // Chinese characters of a button (screen readers would read it apart).
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#1d4ed8', colorPrimaryHover: '#1e40af', colorPrimaryActive: '#1e3a8a', colorLinkHover: '#1e40af', colorLinkActive: '#1e3a8a', colorLink: '#1d4ed8', colorInfo: '#1d4ed8', colorError: '#b91c1c', colorSuccess: '#15803d', colorWarning: '#a16207', colorTextSecondary: 'rgba(0, 0, 0, 0.68)', colorTextDescription: 'rgba(0, 0, 0, 0.65)', colorTextTertiary: 'rgba(0, 0, 0, 0.62)', colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)', colorTextQuaternary: 'rgba(0, 0, 0, 0.6)', motion: !REDUCED_MOTION } }}
    >
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header
          style={
            narrow
              ? { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 12, rowGap: 4, height: 'auto', lineHeight: 'normal', padding: '8px 12px' }
              : { display: 'flex', alignItems: 'center', gap: 16 }
          }
        >
          <Typography.Title level={1} style={{ color: '#fff', margin: 0, fontSize: 18, whiteSpace: 'nowrap' }}>
            {t(lang, 'title')}
          </Typography.Title>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={[hash.split('/').slice(0, 2).join('/')]}
            items={items}
            onClick={(e) => go(e.key)}
            style={narrow ? { order: 3, flex: '1 1 100%', minWidth: 0 } : { flex: 1, minWidth: 0 }}
          />
          <Space wrap style={narrow ? { marginLeft: 'auto' } : undefined}>
            {claims && <Account claims={claims} lang={lang} />}
            <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
              {t(lang, 'language')}
            </Button>
            {claims && (
              <Button
                size="small"
                onClick={() => {
                  queryClient.clear();
                  dropAllDrafts();
                  go('#/');
                  void endSession();
                }}
              >
                {t(lang, 'signOut')}
              </Button>
            )}
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 16 }}>
          <main>
            <Suspense fallback={<Spin />}>{page}</Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}

// How to sign in (config.json), and a return from the OpenID provider handled, before the first render.
await loadConfig();
await completeSignIn();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
