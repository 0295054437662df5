// Uploads a filing to a running stack and follows it to the end: what `npm run import` does.
import { readFileSync } from 'node:fs';

export interface ImportOutcome {
  state: 'done' | 'failed';
  rows: number;
  created: number;
  updated: number;
  failed: number;
  reason?: string;
  errors: { row: number; field: string; reason: string }[];
  id: string;
}

const bar = (done: number, total: number, width = 30) => {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
};

export async function importFile(options: {
  apiUrl: string;
  token: string;
  file: string;
  destinationCode: string;
  /** Where progress goes (a terminal line rewritten in place). */
  progress?: (line: string) => void;
  pollMs?: number;
}): Promise<ImportOutcome> {
  const headers = { authorization: `Bearer ${options.token}` };
  const started = await fetch(`${options.apiUrl}/v1/imports`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ destinationCode: options.destinationCode }),
  });
  const created = (await started.json()) as { id: string; upload: { url: string }; detail?: string };
  if (started.status !== 201) throw new Error(`POST /v1/imports answered ${started.status}: ${created.detail ?? ''}`);
  const put = await fetch(created.upload.url, { method: 'PUT', body: readFileSync(options.file) });
  if (!put.ok) throw new Error(`the upload answered ${put.status}`);
  for (;;) {
    const status = (await (await fetch(`${options.apiUrl}/v1/imports/${created.id}?limit=1000`, { headers })).json()) as {
      state: string;
      rows: number;
      done: number;
      created: number;
      updated: number;
      failed: number;
      reason?: string;
      errors: { items: { row: number; field: string; reason: string }[] };
    };
    options.progress?.(
      `${bar(status.done, status.rows)} ${status.done}/${status.rows || '?'} rows · created ${status.created} · updated ${status.updated} · failed ${status.failed} (${status.state})`,
    );
    if (status.state === 'done' || status.state === 'failed') {
      return {
        id: created.id,
        state: status.state,
        rows: status.rows,
        created: status.created,
        updated: status.updated,
        failed: status.failed,
        ...(status.reason ? { reason: status.reason } : {}),
        errors: status.errors.items,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 500));
  }
}
