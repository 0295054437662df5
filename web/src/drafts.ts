// A form's half-filled values, kept for the tab (sessionStorage) until they are sent or abandoned:
// a lost session goes to sign-in and back without losing them. Each account's drafts are its own
// (another account signing in on this tab does not see them), and signing out removes them all.
import { claimsOf, currentToken } from './session.ts';

const PREFIX = 'liudong.draft.';
const scoped = (key: string) => `${PREFIX}${claimsOf(currentToken() ?? '')?.sub ?? 'anyone'}.${key}`;

export function draftOf<T>(key: string): T | undefined {
  try {
    return (JSON.parse(sessionStorage.getItem(scoped(key)) ?? 'null') as T | null) ?? undefined;
  } catch {
    return undefined;
  }
}

export const keepDraft = (key: string, value: unknown) => sessionStorage.setItem(scoped(key), JSON.stringify(value));
export const dropDraft = (key: string) => sessionStorage.removeItem(scoped(key));

/** On signing out: no half-filled personal data stays behind in the tab. */
export function dropAllDrafts(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
}
