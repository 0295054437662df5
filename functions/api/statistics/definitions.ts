// GET /v1/statistics/definitions: every completeness rate's definition, as data (what the
// denominator and numerator count, which date places a case in a period, what on time means),
// so a figure can be explained down to the cases behind it.
import { DEFAULT_TARGET, RATE_DEFINITIONS } from '../../../core/statistics.ts';
import { json, route } from '../../shared/http.ts';

export const handler = route({}, async () =>
  json(200, {
    items: RATE_DEFINITIONS,
    defaultTarget: DEFAULT_TARGET,
    periodKeys: '2026-11 (month); 2026-11-1, 2026-11-2, 2026-11-3 (days 1–10, 11–20, 21–end); 2026-Q4 (quarter); local dates, Asia/Shanghai',
  }),
);
