// Every screen of the console in one list: the hash it answers, its entry in the menu and who the
// menu shows it to, and its page, loaded when first shown (route-level code splitting). The header's
// menu, the routing and the screen an account lands on after signing in are all read off it.
import { type ReactNode, lazy } from 'react';
import type { Role } from './api.ts';
import type { Lang, Word } from './i18n.ts';
import type { PageProps } from './page.ts';
import type { Claims } from './session.ts';

const SignIn = lazy(() => import('./pages/SignIn.tsx'));
const Cases = lazy(() => import('./pages/Cases.tsx'));
const CaseView = lazy(() => import('./pages/CaseView.tsx'));
const NewCase = lazy(() => import('./pages/NewCase.tsx'));
const Check = lazy(() => import('./pages/Check.tsx'));
const Statistics = lazy(() => import('./pages/Statistics.tsx'));
const Me = lazy(() => import('./pages/Me.tsx'));
const Agency = lazy(() => import('./pages/Agency.tsx'));
const Admin = lazy(() => import('./pages/Admin.tsx'));
const Inbox = lazy(() => import('./pages/Inbox.tsx'));
const Requests = lazy(() => import('./pages/Requests.tsx'));
const Imports = lazy(() => import('./pages/Imports.tsx'));

type Route = {
  /** The hash it answers, and every hash under it (`#/case/` answers `#/case/registrations/…`); its menu entry's key. */
  hash: `#/${string}`;
  /** Its entry in the menu: the word, and the roles it is shown to (`anyone`: before signing in too). */
  menu?: { word: Word; for: readonly Role[] | 'anyone' };
  /**
   * Whose home it is: the screen of these roles (`others`: of every role no home names) for every
   * hash no other screen answers, and theirs only. Without it, its hash opens it for any account
   * signed in (the menu shows it to some; the API decides what it answers the others).
   */
  home?: readonly Role[] | 'others';
} & (
  | { /** Open without signing in. */ public: true; page(props: { lang: Lang }): ReactNode }
  | { public?: never; page(props: PageProps, path: string): ReactNode }
);

const OFFICE = ['caseworker', 'supervisor'] as const satisfies Role[];

/** In the menu's order. */
const ROUTES: readonly Route[] = [
  { hash: '#/cases', menu: { word: 'cases', for: OFFICE }, home: 'others', page: (p) => <Cases {...p} /> },
  { hash: '#/inbox', menu: { word: 'inbox', for: OFFICE }, page: (p) => <Inbox {...p} /> },
  { hash: '#/requests', menu: { word: 'requests', for: OFFICE }, page: (p) => <Requests {...p} /> },
  { hash: '#/me', menu: { word: 'myCases', for: ['person'] }, home: ['person'], page: (p) => <Me {...p} /> },
  { hash: '#/subscriptions', menu: { word: 'subscriptions', for: ['agency'] }, home: ['agency'], page: (p) => <Agency {...p} /> },
  { hash: '#/admin', menu: { word: 'policy', for: ['admin'] }, home: ['admin'], page: (p) => <Admin {...p} /> },
  { hash: '#/register', menu: { word: 'register', for: ['caseworker'] }, page: (p) => <NewCase key="registration" kind="registration" {...p} /> },
  { hash: '#/apply', menu: { word: 'applyCertificate', for: ['caseworker'] }, page: (p) => <NewCase key="origin_certificate" kind="origin_certificate" {...p} /> },
  { hash: '#/imports', menu: { word: 'imports', for: ['caseworker'] }, page: (p) => <Imports {...p} /> },
  { hash: '#/statistics', menu: { word: 'statistics', for: ['supervisor'] }, page: (p) => <Statistics {...p} /> },
  {
    hash: '#/case/',
    home: 'others',
    page: (p, path) => {
      const [, , collection = '', id = ''] = path.split('/');
      return <CaseView {...p} collection={collection} id={id} />;
    },
  },
  { hash: '#/check', menu: { word: 'check', for: 'anyone' }, public: true, page: ({ lang }) => <Check lang={lang} /> },
];

const answers = (route: Route, path: string) => path.startsWith(route.hash.slice(1));
const includes = (roles: readonly Role[], role: string) => roles.some((r) => r === role);

/** The screens a role lands on (its home), the first of them by default. */
function homesOf(role: string): Route[] {
  const named = ROUTES.filter((r) => r.home !== undefined && r.home !== 'others' && includes(r.home, role));
  return named.length > 0 ? named : ROUTES.filter((r) => r.home === 'others');
}

/** Where an account goes after signing in: its home's first hash. */
export const homeHash = (role: string): string => homesOf(role)[0]?.hash ?? '#/';

/** The menu's entries for an account (none signed in: the public screens'). */
export const menuOf = (claims: Claims | undefined): { hash: string; word: Word }[] =>
  ROUTES.flatMap((r) => (r.menu && (r.menu.for === 'anyone' || (claims && includes(r.menu.for, claims.role))) ? [{ hash: r.hash, word: r.menu.word }] : []));

/**
 * The screen for a hash: the screen that answers it (only a public one before signing in), else
 * sign-in, else the account's home (the one of its home screens that answers the hash, or the first).
 */
export function screenOf(hash: string, lang: Lang, claims: Claims | undefined, go: (hash: string) => void): ReactNode {
  const path = hash.slice(1);
  for (const route of ROUTES) {
    if (route.home !== undefined || !answers(route, path)) continue;
    if (route.public) return route.page({ lang });
    if (claims) return route.page({ lang, claims, go }, path);
  }
  if (!claims) return <SignIn lang={lang} />;
  const homes = homesOf(claims.role);
  const home = homes.find((r) => answers(r, path)) ?? homes[0]!;
  return home.public ? home.page({ lang }) : home.page({ lang, claims, go }, path);
}
