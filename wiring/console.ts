// The web console's hosting, described once: the local stack serves web/dist with these headers
// and this runtime configuration, the CDK distribution sends the same headers and deploys the same
// configuration file (with Cognito's values) beside the built console.

/** Where the console reads how to sign in, at start (a file beside index.html). */
export const CONSOLE_CONFIG_PATH = '/config.json';

/** How the console signs in: the local stack's demo accounts, or an OpenID provider (Cognito's hosted UI). */
export type ConsoleConfig =
  | { signIn: 'local' }
  | {
      signIn: 'oidc';
      /** The issuer: the console reads its discovery document (Cognito: https://cognito-idp.<region>.amazonaws.com/<pool>). */
      authority: string;
      clientId: string;
      scope: string;
      /** Where signing out ends the provider's session too (Cognito's /logout, which its discovery lacks). */
      signOutUrl?: string;
    };

/** The scopes the console asks for: the ID token carries the custom attributes the API reads. */
export const CONSOLE_SCOPE = 'openid email profile';

/**
 * The console's Content-Security-Policy. Scripts and styles come from the console's own origin
 * (Ant Design writes its styles inline); the API is the same origin; `connectSources` adds the
 * sign-in provider's endpoints (discovery, token) in AWS. No framing anywhere.
 */
export function consoleContentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    ['connect-src', "'self'", ...connectSources].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** HSTS: two years, subdomains included (sent by the distribution; meaningless on http://localhost). */
export const CONSOLE_HSTS_SECONDS = 2 * 365 * 24 * 60 * 60;

/**
 * The header the distribution sets on every /v1 request to the viewer's address (a CloudFront
 * Function overwrites whatever the viewer sent): behind CloudFront, API Gateway's source address is
 * the edge's, and the public certificate check limits each caller by address.
 */
export const VIEWER_ADDRESS_HEADER = 'x-viewer-address';

/**
 * The header the distribution adds to every request it sends to the API, with a generated secret
 * the certificate check also knows (ORIGIN_VERIFY): only then does it trust VIEWER_ADDRESS_HEADER,
 * which a caller of the API's own endpoint could otherwise set to anything.
 */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';
