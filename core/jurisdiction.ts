// Jurisdiction codes form a tree by prefix: province (2) > prefecture (4) > county (6)
// > township or street office (9) > community or village (12).

export const LEVELS = {
  2: 'province',
  4: 'prefecture',
  6: 'county',
  9: 'township',
  12: 'community',
} as const;

export type Level = (typeof LEVELS)[keyof typeof LEVELS];

export interface Jurisdiction {
  code: string;
  name: string;
  level: Level;
}

export const isJurisdictionCode = (code: string): boolean =>
  /^\d+$/.test(code) && code.length in LEVELS;

export function levelOf(code: string): Level {
  const level = LEVELS[code.length as keyof typeof LEVELS];
  if (!level || !/^\d+$/.test(code)) throw new Error(`not a jurisdiction code: ${code}`);
  return level;
}

/** True when `code` lies inside `scope` (a code is inside itself). */
export const isWithin = (code: string, scope: string): boolean => code.startsWith(scope);

/** The codes of every enclosing jurisdiction, outermost first, ending with the code itself. */
export const lineage = (code: string): string[] =>
  Object.keys(LEVELS)
    .map(Number)
    .filter((length) => length <= code.length)
    .map((length) => code.slice(0, length));

/** The county that supervises a township or community (escalations go there). */
export const countyOf = (code: string): string | undefined => (code.length >= 6 ? code.slice(0, 6) : undefined);

/** The enclosing jurisdiction one level up; undefined for a province. */
export const parentOf = (code: string): string | undefined => lineage(code).at(-2);
