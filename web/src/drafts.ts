// A form's half-filled values, kept for the tab (sessionStorage) until they are sent or abandoned:
// a lost session goes to sign-in and back without losing them.
export function draftOf<T>(key: string): T | undefined {
  try {
    return (JSON.parse(sessionStorage.getItem(key) ?? 'null') as T | null) ?? undefined;
  } catch {
    return undefined;
  }
}

export const keepDraft = (key: string, value: unknown) => sessionStorage.setItem(key, JSON.stringify(value));
export const dropDraft = (key: string) => sessionStorage.removeItem(key);
