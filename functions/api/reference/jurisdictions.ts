// GET /v1/jurisdictions (the provinces, where a picker starts) and GET /v1/jurisdictions/{code}
// (any account: names and the tree are not personal) and
// PUT /v1/jurisdictions/{code} (an administrator covering the code).
import { notFound, unprocessable, validationError } from '../../../core/errors.ts';
import { levelOf, parentOf } from '../../../core/jurisdiction.ts';
import { byRoute, json, route } from '../../shared/http.ts';
import { existingJurisdictions, getJurisdiction, provinces, putJurisdiction } from '../../shared/store/reference.ts';
import * as declared from './routes.ts';

const answer = async (code: string) => {
  const found = await getJurisdiction(code);
  if (!found) throw notFound(`no jurisdiction ${code}`);
  const parentCode = parentOf(code);
  return { ...found.jurisdiction, ...(parentCode ? { parentCode } : {}), children: found.children };
};

export const handler = byRoute([
  route(declared.listProvinces, async () => json(200, { items: await provinces() })),
  route(declared.readJurisdiction, async ({ params }) => json(200, await answer(params.code))),
  route(declared.putJurisdiction, async ({ params, body }) => {
    const level = levelOf(params.code);
    if (body.level && body.level !== level) {
      throw validationError([{ field: 'level', reason: `must be ${level} for a code of ${params.code.length} digits` }]);
    }
    // The tree stays whole: a jurisdiction is added below one that exists.
    const parent = parentOf(params.code);
    if (parent && !(await existingJurisdictions([parent])).has(parent)) {
      throw unprocessable([{ field: 'code', reason: `its parent ${parent} is not known; add it first` }]);
    }
    const existed = (await getJurisdiction(params.code)) !== undefined;
    await putJurisdiction({ code: params.code, name: body.name, level });
    return json(existed ? 200 : 201, await answer(params.code));
  }),
]);
