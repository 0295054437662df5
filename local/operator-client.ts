// What `npm run schedule` and `npm run dlq` share: an administrator token from the dev issuer,
// one request to the running local stack's operator routes, and a clear line when it fails.
import { devIssuer } from './dev-issuer.ts';

export const failWith = (cli: string) => (message: string): never => {
  console.error(`${cli}: ${message}`);
  process.exit(2);
};

/** Sends one operator request and prints the answer; exits 2 with the reason on any failure. */
export async function operatorRequest(cli: string, options: { api: string; dataDir: string }, method: 'GET' | 'POST', path: string, payload?: unknown): Promise<void> {
  const fail = failWith(cli);
  const token = await (await devIssuer(options.dataDir)).sign({ role: 'admin' });
  const headers = { authorization: `Bearer ${token}`, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) };
  const response = await fetch(`${options.api}${path}`, { method, headers, ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}) }).catch((error: Error) =>
    fail(`${error.message} (is npm start running?)`),
  );
  const body = await response.text();
  if (!response.ok) fail(`${response.status}: ${body}`);
  console.log(body);
}
