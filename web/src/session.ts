// The signed-in account: its token (kept for the tab only) and the claims read from it. How to sign
// in comes from /config.json: the local stack's demo accounts, or an OpenID provider (Cognito's
// hosted UI in AWS) through the authorization code flow with PKCE.
import type { ConsoleConfig } from '../../wiring/console.ts';
import { homeHash } from './routes.tsx';

export interface Claims {
  sub: string;
  role: string;
  jurisdiction?: string;
  idNumber?: string;
  agency?: string;
  exp?: number;
}

const KEY = 'liudong.token';
/** Where to return after signing in (a lost session keeps its place, and its form drafts). */
export const RETURN_TO = 'liudong.returnTo';

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
export const signOut = () => sessionStorage.removeItem(KEY);

/** Keeps the token and goes where the sign-in started, or to the role's first screen (its home in routes.tsx). */
export function signIn(token: string): void {
  sessionStorage.setItem(KEY, token);
  const back = sessionStorage.getItem(RETURN_TO);
  sessionStorage.removeItem(RETURN_TO);
  window.history.replaceState(null, '', `${window.location.pathname}${back || homeHash(claimsOf(token)?.role ?? '')}`);
}

let config: ConsoleConfig = { signIn: 'local' };
/** Why the last return from the provider signed nobody in (shown on the sign-in page). */
export let signInError: string | undefined;
export const consoleConfig = () => config;

/** Reads how to sign in; an absent file means the local stack's demo accounts. */
export async function loadConfig(): Promise<void> {
  const response = await fetch('/config.json', { cache: 'no-cache' });
  if (response.ok) config = (await response.json()) as ConsoleConfig;
}

// Loaded only when an OpenID provider signs in: the local console does without it.
async function provider() {
  if (config.signIn !== 'oidc') throw new Error('no OpenID provider configured');
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${window.location.origin}/`,
    post_logout_redirect_uri: `${window.location.origin}/`,
    response_type: 'code',
    scope: config.scope,
    // The PKCE verifier and the user live for the tab only, like the token.
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/** Off to the provider's sign-in page (the code challenge travels, the verifier stays here). */
export async function startSignIn(): Promise<void> {
  await (await provider()).signinRedirect();
}

/** Back from the provider with ?code=…&state=…: exchange the code (with the verifier) for the ID token the API reads. */
export async function completeSignIn(): Promise<void> {
  const query = new URLSearchParams(window.location.search);
  if (config.signIn !== 'oidc' || !query.has('state') || !(query.has('code') || query.has('error'))) return;
  try {
    const user = await (await provider()).signinRedirectCallback();
    if (user.id_token) signIn(user.id_token);
  } catch (error) {
    signInError = error instanceof Error ? error.message : String(error);
  } finally {
    // The code is single-use: never leave it in the address bar or the history.
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
  }
}

/**
 * Signs out here (the token, the provider's stored user and its refresh token, revoked), and at the
 * provider too where it has a sign-out page. The caller clears what the tab kept of the work.
 */
export async function endSession(): Promise<void> {
  signOut();
  if (config.signIn !== 'oidc') return;
  const manager = await provider();
  await manager.revokeTokens(['refresh_token']).catch(() => undefined);
  await manager.removeUser();
  if (config.signOutUrl) window.location.assign(config.signOutUrl);
}
