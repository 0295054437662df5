// The small pieces every screen shares: its heading, the button that sends a form, the button
// that opens a case, a jurisdiction by name.
import { Button, Typography } from 'antd';
import type { ReactNode } from 'react';
import { type Lang, type Word, t } from '../i18n.ts';
import { usePlaceName } from '../places.ts';
import { caseHash } from './common.ts';

/** A screen's or card's heading: one level below the console's title. */
export function Heading({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
      {children}
    </Typography.Title>
  );
}

/** The primary button that sends a form: one look and one word everywhere. */
export function Submit({ lang, word = 'submit', loading, disabled }: { lang: Lang; word?: Word; loading?: boolean; disabled?: boolean }) {
  return (
    <Button type="primary" htmlType="submit" loading={loading} disabled={disabled}>
      {t(lang, word)}
    </Button>
  );
}

/** Opens a case from a list: rows open on a click too, the button does it from the keyboard. */
export function OpenCase({ lang, go, type, id }: { lang: Lang; go(hash: string): void; type: string; id: string }) {
  return (
    <Button
      size="small"
      onClick={(e) => {
        e.stopPropagation();
        go(caseHash(type, id));
      }}
    >
      {t(lang, 'open')}
    </Button>
  );
}

/**
 * A jurisdiction by name with its code beside it (四川省南充市南部县南隆镇 · 511321100); the code
 * alone while the names load, or when the tree has none.
 */
export function Place({ code }: { code: string | null | undefined }) {
  const names = usePlaceName(code);
  if (!code) return <>—</>;
  const name = names.full ?? names.own;
  return <>{name ? `${name} · ${code}` : code}</>;
}
