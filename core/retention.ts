// Retention: a closed case keeps its personal data for the policy's years (retentionYears,
// counted from the day it closed: `retainUntil`), then it is minimised. What identifies or
// describes the person goes; what statistics count (type, state, jurisdictions, dates,
// deadlines, certificates' numbers and validity) stays.
import { SYSTEM } from './principal.ts';
import { type HistoryEntry, actorOf } from './workflows/engine.ts';
import type { Case } from './workflows/index.ts';

/** What stands where a name was. */
export const REMOVED = '（已删除）';
const nobody = { name: REMOVED, idNumber: '', phone: '' };

/** True when the case's retention ran out before `today` (a local date) and it still holds personal data. */
export const dueForMinimising = (c: Pick<Case, 'retainUntil' | 'minimisedAt'>, today: string) =>
  c.retainUntil !== undefined && c.minimisedAt === undefined && c.retainUntil < today;

/** The case without its personal data, and the history entry that says so. */
export function minimise(c: Case, now: Date): { case: Case; history: HistoryEntry } {
  const at = now.toISOString();
  const { retainUntil: _kept, ...rest } = c as Case & Record<string, unknown>;
  const out: Record<string, any> = { ...rest, minimisedAt: at, updatedAt: at, version: c.version + 1 };
  if (out.person) out.person = nobody;
  delete out.premises;
  if (out.subject?.idNumber !== undefined) out.subject = { idNumber: '' };
  if (out.members) out.members = out.members.map((m: Record<string, unknown>) => ({ ...m, name: REMOVED, idNumber: '' }));
  if (out.result) {
    const { address: _a, employer: _e, note: _n, ...result } = out.result;
    out.result = result;
  }
  // Free text written about the person goes too.
  for (const field of ['question', 'grounds'] as const) if (typeof out[field] === 'string') out[field] = REMOVED;
  if (out.answer) out.answer = { ...out.answer, text: REMOVED };
  return {
    case: out as Case,
    history: { caseId: c.id, at, action: 'minimise', from: c.state, to: c.state, by: actorOf(SYSTEM), note: 'personal data removed after the retention period' },
  };
}
