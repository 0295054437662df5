// liudong declines, by decision, anything about pregnancy, contraception or births
// (see shared DOMAIN.md, "Declined"). Bodies naming such fields are rejected with a reason,
// before any other validation, wherever they are nested.
import type { FieldProblem } from './errors.ts';

const DECLINED = /pregnan|contracept|birth(?!date)|fertil|gestat|ivf|iud|steriliz|sterilis|abortion|family.?planning|maternity|prenatal|postnatal|newborn|childbirth|delivery.?date|due.?date|menstrua|计划生育|怀孕|避孕|生育|节育|婚育|孕/i;

export const DECLINED_REASON =
  'liudong stores no data about pregnancy, contraception or births; this field is not accepted';

/** No request of ours nests this deep; deeper bodies are refused rather than walked. */
export const MAX_DEPTH = 32;

export function declinedFields(body: unknown, path: string[] = []): FieldProblem[] {
  if (path.length > MAX_DEPTH) {
    throw new RangeError(`the body nests deeper than ${MAX_DEPTH} levels`);
  }
  if (Array.isArray(body)) return body.flatMap((item, i) => declinedFields(item, [...path, String(i)]));
  if (body === null || typeof body !== 'object') return [];
  return Object.entries(body).flatMap(([key, value]) => {
    const here = [...path, key];
    return DECLINED.test(key) ? [{ field: here.join('.'), reason: DECLINED_REASON }] : declinedFields(value, here);
  });
}
