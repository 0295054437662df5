// The signed-in account: its token (kept for the tab only) and the claims read from it.
export interface Claims {
  sub: string;
  role: string;
  jurisdiction?: string;
  idNumber?: string;
  agency?: string;
  exp?: number;
}

const KEY = 'liudong.token';

export function claimsOf(token: string): Claims | undefined {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    return {
      sub: String(payload.sub),
      role: String(payload['custom:role']),
      ...(payload['custom:jurisdiction'] ? { jurisdiction: String(payload['custom:jurisdiction']) } : {}),
      ...(payload['custom:id_number'] ? { idNumber: String(payload['custom:id_number']) } : {}),
      ...(payload['custom:agency'] ? { agency: String(payload['custom:agency']) } : {}),
      ...(typeof payload.exp === 'number' ? { exp: payload.exp } : {}),
    };
  } catch {
    return undefined;
  }
}

export const currentToken = () => sessionStorage.getItem(KEY) ?? undefined;
export const signIn = (token: string) => sessionStorage.setItem(KEY, token);
export const signOut = () => sessionStorage.removeItem(KEY);
