// What every signed-in screen is given (routes.tsx renders each with it): the language, the
// account, and how to go to another screen.
import type { Lang } from './i18n.ts';
import type { Claims } from './session.ts';

export interface PageProps {
  lang: Lang;
  claims: Claims;
  go(hash: string): void;
}
