// Protected personal data: ID and phone numbers are stored encrypted (AES-256-GCM, envelope
// encryption) beside a masked copy, and found through a keyed blind index (HMAC-SHA-256).
//
// In AWS the data keys come from KMS (GenerateDataKey on PERSONAL_DATA_KEY_ID; each value
// carries its wrapped data key, so any key version KMS holds still opens it) and the index key
// is derived once per container by KMS GenerateMac on an HMAC key (BLIND_INDEX_KEY_ID) that never
// leaves KMS. Locally a key file (PERSONAL_DATA_KEYS_FILE) is created on first start: master keys
// by id (the newest seals; `rotateLocalKeys` adds one) and the index key.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DecryptCommand, GenerateDataKeyCommand, GenerateMacCommand, KMSClient } from '@aws-sdk/client-kms';

/** One encrypted value: the key that wrapped its data key, the wrapped data key, IV, ciphertext and tag. */
export interface Sealed {
  kid: string;
  dk: string;
  iv: string;
  ct: string;
}

interface DataKey {
  kid: string;
  plain: Buffer;
  wrapped: string;
}

interface KeySource {
  /** A data key to seal with (reused for a while: each value has its own IV). */
  dataKey(): Promise<DataKey>;
  /** The plain data key inside a wrapped one. */
  unwrap(kid: string, wrapped: string): Promise<Buffer>;
  /** The blind-index key. */
  indexKey(): Promise<Buffer>;
}

const gcm = {
  seal(key: Buffer, plain: Buffer): { iv: Buffer; ct: Buffer } {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const ct = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return { iv, ct };
  },
  open(key: Buffer, iv: Buffer, ct: Buffer): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(ct.subarray(ct.length - 16));
    return Buffer.concat([decipher.update(ct.subarray(0, ct.length - 16)), decipher.final()]);
  },
};

// ---- The local key file

export interface LocalKeyFile {
  /** Master keys by id, oldest first; the last one wraps new data keys. */
  keys: { kid: string; key: string; createdAt: string }[];
  index: { kid: string; key: string };
}

const newKey = () => randomBytes(32).toString('base64');

/** The local key file, created with one master key and an index key when it does not exist yet. */
export function ensureLocalKeys(file: string): LocalKeyFile {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalKeyFile;
  mkdirSync(path.dirname(file), { recursive: true });
  const keys: LocalKeyFile = { keys: [{ kid: 'local-1', key: newKey(), createdAt: new Date().toISOString() }], index: { kid: 'index-1', key: newKey() } };
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

/** Adds a master key: new values are sealed with it, older ones still open with theirs. */
export function rotateLocalKeys(file: string): string {
  const current = ensureLocalKeys(file);
  const kid = `local-${current.keys.length + 1}`;
  current.keys.push({ kid, key: newKey(), createdAt: new Date().toISOString() });
  writeFileSync(file, JSON.stringify(current, null, 2), { mode: 0o600 });
  resetKeySource();
  return kid;
}

/** The key file is read once (a rotation in this process starts a new source); a data key per master key. */
function localSource(file: string): KeySource {
  const keys = ensureLocalKeys(file);
  const newest = keys.keys.at(-1)!;
  const plain = randomBytes(32);
  const wrapped = gcm.seal(Buffer.from(newest.key, 'base64'), plain);
  const dataKey: DataKey = { kid: newest.kid, plain, wrapped: `${wrapped.iv.toString('base64')}.${wrapped.ct.toString('base64')}` };
  const indexKey = Buffer.from(keys.index.key, 'base64');
  return {
    async dataKey() {
      return dataKey;
    },
    async unwrap(kid, wrappedKey) {
      // A key added since this source read the file (another process rotated) is looked for again.
      const master = keys.keys.find((k) => k.kid === kid) ?? ensureLocalKeys(file).keys.find((k) => k.kid === kid);
      if (!master) throw new Error(`no local key ${kid}: the key file has lost it`);
      const [iv, ct] = wrappedKey.split('.');
      return gcm.open(Buffer.from(master.key, 'base64'), Buffer.from(iv!, 'base64'), Buffer.from(ct!, 'base64'));
    },
    async indexKey() {
      return indexKey;
    },
  };
}

// ---- KMS

/** A data key is reused for at most this long (random IVs: far below GCM's limits). */
const DATA_KEY_SECONDS = 3600;

function kmsSource(dataKeyId: string, indexKeyId: string): KeySource {
  // KMS answers in milliseconds: a connection or a reply that hangs is a timeout the SDK retries
  // (three attempts in all), well inside an API function's 10 s, then a 503 (functions/shared/http.ts).
  const kms = new KMSClient({ requestHandler: { connectionTimeout: 1_000, socketTimeout: 2_000 } });
  let cached: (DataKey & { until: number }) | undefined;
  let index: Promise<Buffer> | undefined;
  return {
    async dataKey() {
      if (!cached || cached.until < Date.now()) {
        const r = await kms.send(new GenerateDataKeyCommand({ KeyId: dataKeyId, KeySpec: 'AES_256' }));
        cached = { kid: r.KeyId!, plain: Buffer.from(r.Plaintext!), wrapped: Buffer.from(r.CiphertextBlob!).toString('base64'), until: Date.now() + DATA_KEY_SECONDS * 1000 };
      }
      return cached;
    },
    async unwrap(kid, wrapped) {
      const r = await kms.send(new DecryptCommand({ KeyId: kid, CiphertextBlob: Buffer.from(wrapped, 'base64') }));
      return Buffer.from(r.Plaintext!);
    },
    indexKey() {
      if (!index) {
        const derived = kms
          .send(new GenerateMacCommand({ KeyId: indexKeyId, MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from('liudong blind index v1') }))
          .then((r) => Buffer.from(r.Mac!));
        // A derivation KMS could not make (unavailable, throttled) is not kept: the next request asks again.
        derived.catch(() => {
          if (index === derived) index = undefined;
        });
        index = derived;
      }
      return index;
    },
  };
}

let source: KeySource | undefined;
let sourceFrom: string | undefined;
/** Unwrapped data keys by wrapped value: a container opens each data key once. */
const unwrapped = new Map<string, Promise<Buffer>>();

function keySource(): KeySource {
  const file = process.env.PERSONAL_DATA_KEYS_FILE;
  const dataKeyId = process.env.PERSONAL_DATA_KEY_ID;
  const indexKeyId = process.env.BLIND_INDEX_KEY_ID;
  // A process that starts a second local stack (tests) points at another key file.
  const from = `${file}|${dataKeyId}|${indexKeyId}`;
  if (source && sourceFrom === from) return source;
  resetKeySource();
  sourceFrom = from;
  if (file) source = localSource(file);
  else if (dataKeyId && indexKeyId) source = kmsSource(dataKeyId, indexKeyId);
  else throw new Error('no keys for personal data: set PERSONAL_DATA_KEY_ID and BLIND_INDEX_KEY_ID (AWS) or PERSONAL_DATA_KEYS_FILE (local)');
  return source;
}

/** Forgets the key source and every unwrapped key (after a rotation, or in tests). */
export function resetKeySource(): void {
  source = undefined;
  unwrapped.clear();
}

export async function seal(value: string): Promise<Sealed> {
  const key = await keySource().dataKey();
  const { iv, ct } = gcm.seal(key.plain, Buffer.from(value, 'utf8'));
  return { kid: key.kid, dk: key.wrapped, iv: iv.toString('base64'), ct: ct.toString('base64') };
}

export async function open(sealed: Sealed): Promise<string> {
  const cacheKey = `${sealed.kid}|${sealed.dk}`;
  let key = unwrapped.get(cacheKey);
  if (!key) {
    key = keySource().unwrap(sealed.kid, sealed.dk);
    unwrapped.set(cacheKey, key);
    key.catch(() => unwrapped.delete(cacheKey));
  }
  return gcm.open(await key, Buffer.from(sealed.iv, 'base64'), Buffer.from(sealed.ct, 'base64')).toString('utf8');
}

/** The keyed blind index of a value for one purpose: equal values meet, nobody can enumerate them back without the key. */
export async function blindIndex(purpose: string, value: string): Promise<string> {
  return createHmac('sha256', await keySource().indexKey()).update(`${purpose}|${value}`).digest('hex');
}
