// The primary button that sends a form: one look and one word everywhere.
import { Button } from 'antd';
import { type Lang, type Word, t } from '../i18n.ts';

export function Submit({ lang, word = 'submit', loading, disabled }: { lang: Lang; word?: Word; loading?: boolean; disabled?: boolean }) {
  return (
    <Button type="primary" htmlType="submit" loading={loading} disabled={disabled}>
      {t(lang, word)}
    </Button>
  );
}
