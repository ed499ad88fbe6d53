/**
 * Password and PIN hashing: scrypt from node:crypto at the OWASP Password Storage Cheat Sheet's
 * parameters (N=2^17, r=8, p=1), a 64-byte key and a 16-byte random salt. The parameters are
 * stored with each hash ("scrypt$N$r$p$salt$key", base64) so that they can be raised later:
 * `needsRehash` tells when a stored hash uses weaker ones. Comparison with crypto.timingSafeEqual.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keyLength: number;
  saltLength: number;
}

export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1, keyLength: 64, saltLength: 16 };

/** scrypt needs 128·N·r bytes; node's default maxmem (32 MiB) is too small for N=2^17, r=8. */
function maxmemFor(N: number, r: number, p: number): number {
  return 128 * N * r * p + 32 * 1024 * 1024;
}

function scrypt(secret: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(secret.normalize('NFKC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashSecret(secret: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(params.saltLength);
  const key = await scrypt(secret, salt, params.keyLength, { N: params.N, r: params.r, p: params.p, maxmem: maxmemFor(params.N, params.r, params.p) });
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface Parsed {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

export function parseHash(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 22 || r > 64 || p > 16) return null;
  const salt = Buffer.from(parts[4] as string, 'base64');
  const key = Buffer.from(parts[5] as string, 'base64');
  if (salt.length < 8 || key.length < 16) return null;
  return { N, r, p, salt, key };
}

/** A hash of nothing anybody knows (one per cost): verifying against it costs the same as a real one. */
const dummies = new Map<string, Promise<string>>();
function dummyHash(params: ScryptParams): Promise<string> {
  const key = `${params.N}/${params.r}/${params.p}/${params.keyLength}`;
  let dummy = dummies.get(key);
  if (!dummy) {
    dummy = hashSecret(randomBytes(16).toString('hex'), params);
    dummies.set(key, dummy);
  }
  return dummy;
}

/**
 * True when `secret` matches `stored`. A missing or malformed hash is verified against a dummy
 * hash anyway (same cost) and fails, so timing tells nothing about which users have passwords.
 */
export async function verifySecret(secret: string, stored: string | null, params: ScryptParams = SCRYPT_PARAMS): Promise<boolean> {
  const parsed = stored ? parseHash(stored) : null;
  const target = parsed ?? (parseHash(await dummyHash(params)) as Parsed);
  const key = await scrypt(secret, target.salt, target.key.length, { N: target.N, r: target.r, p: target.p, maxmem: maxmemFor(target.N, target.r, target.p) });
  return timingSafeEqual(key, target.key) && parsed !== null;
}

/** The stored hash uses weaker parameters than today's: re-hash it after the next good sign-in. */
export function needsRehash(stored: string, params: ScryptParams = SCRYPT_PARAMS): boolean {
  const parsed = parseHash(stored);
  return parsed === null || parsed.N < params.N || parsed.r < params.r || parsed.p < params.p || parsed.key.length < params.keyLength;
}
