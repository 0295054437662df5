// The one way a stored item keeps protected values (ID and phone numbers, a recipient, a bad
// import row, a signing secret): the full value sealed (functions/shared/protection.ts) under the
// item's `sealed`, keyed by the value's path in the item (`person.idNumber`, `to`, `values`,
// `secrets.0.secret`); the field itself holds a masked copy, or nothing. Every entity's codec
// seals and opens through here.
//
// Messages, bad import rows and subscriptions were written in shapes of their own before
// (`sealedTo`, `sealedValues`, each secret's own `sealed`). The change is made in two releases,
// so that a rollback, or a container of the previous release during a deployment, still reads
// every item: this release reads both shapes and still writes theirs (`PREVIOUS_SHAPES`); the
// next writes `sealed` alone (set it to false).
import { type Sealed, open, seal } from '../protection.ts';

/** A sealed value; `json` when the value was not a string (it is opened back from JSON). */
export type SealedValue = Sealed & { json?: true };
export type SealedFields = Record<string, SealedValue>;

type Item = Record<string, unknown>;

const valueAt = (item: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Item)[key] : undefined), item);

/** A copy of `item` with `value` at `path` (undefined: the field removed), copying each object or array on the way. */
function withValueAt<T>(item: T, path: string, value: unknown): T {
  const [key, ...rest] = path.split('.') as [string, ...string[]];
  const copy = (Array.isArray(item) ? [...item] : { ...(item as Item) }) as Item;
  if (rest.length === 0) {
    if (value === undefined && !Array.isArray(copy)) delete copy[key];
    else copy[key] = value;
  } else {
    copy[key] = withValueAt(copy[key] ?? {}, rest.join('.'), value);
  }
  return copy as T;
}

/** Until every deployment runs a release that reads `sealed` for these entities (this one), they are written as before. */
export const PREVIOUS_SHAPES = true;

/** Where the previous release kept a value sealed at `path`, for the entities that had a shape of their own. */
function previousPlace(path: string): { field: string } | { secret: number } | undefined {
  if (path === 'to') return { field: 'sealedTo' };
  if (path === 'values') return { field: 'sealedValues' };
  const secret = /^secrets\.(\d+)\.secret$/.exec(path);
  return secret ? { secret: Number(secret[1]) } : undefined;
}

/** The item with its sealed values where the previous release looks for them (each already sealed: nothing is sealed twice). */
function inPreviousShape<T extends object>(item: T, sealed: SealedFields): T & { sealed?: SealedFields } {
  let out: Item = { ...(item as Item) };
  const rest: SealedFields = {};
  for (const [path, value] of Object.entries(sealed)) {
    const place = previousPlace(path);
    const { json: _json, ...plain } = value;
    if (!place) rest[path] = value;
    else if ('field' in place) out[place.field] = plain;
    else out = withValueAt(out, `secrets.${place.secret}.sealed`, plain);
  }
  return (Object.keys(rest).length > 0 ? { ...out, sealed: rest } : out) as T & { sealed?: SealedFields };
}

/**
 * Seals the values at `paths` that are present (a string as it is, anything else as JSON) under
 * `sealed`; at each path stays what `shown` gives for it (a masked copy; undefined: nothing).
 */
export async function sealFields<T extends object>(item: T, paths: readonly string[], shown: (path: string, value: unknown) => unknown): Promise<T & { sealed?: SealedFields }> {
  const sealed: SealedFields = {};
  let out: T = item;
  for (const path of paths) {
    const value = valueAt(item, path);
    if (value === undefined || value === null || value === '') continue;
    sealed[path] = typeof value === 'string' ? await seal(value) : { ...(await seal(JSON.stringify(value))), json: true };
    out = withValueAt(out, path, shown(path, value));
  }
  if (Object.keys(sealed).length === 0) return out;
  return PREVIOUS_SHAPES ? inPreviousShape(out, sealed) : { ...out, sealed };
}

/** Older items' sealed values, by the path they belong at. */
function legacySealed(item: Item): { fields: SealedFields; rest: Item } {
  const { sealedTo, sealedValues, ...rest } = item;
  const fields: SealedFields = {};
  if (sealedTo) fields.to = sealedTo as Sealed;
  if (sealedValues) fields.values = { ...(sealedValues as Sealed), json: true };
  // A signing secret sealed on its own (`secrets[i].sealed`).
  if (Array.isArray(rest.secrets)) {
    rest.secrets = (rest.secrets as Item[]).map((secret, i) => {
      if (!secret.sealed) return secret;
      const { sealed, ...plain } = secret;
      fields[`secrets.${i}.secret`] = sealed as Sealed;
      return plain;
    });
  }
  return { fields, rest };
}

/** The item with every sealed value opened back into its path, and `sealed` gone. */
export async function openFields<T>(item: Item): Promise<T> {
  const { sealed, ...stored } = item as Item & { sealed?: SealedFields };
  const { fields, rest } = legacySealed(stored);
  let out: Item = rest;
  for (const [path, value] of Object.entries({ ...fields, ...sealed })) {
    // A value whose place is gone (an element no longer in its array) is not brought back.
    const parent = path.split('.').slice(0, -1).join('.');
    if (parent !== '' && valueAt(out, parent) === undefined) continue;
    const plain = await open(value);
    out = withValueAt(out, path, value.json ? JSON.parse(plain) : plain);
  }
  return out as T;
}
