// Class codes and teacher tokens: random, from node:crypto. A code is short enough to read off a
// projector; a token is long enough that nobody guesses it, and only its hash is stored.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CLASS_CODE_ALPHABET, CLASS_CODE_LENGTH } from '../browser/live-protocol';

export function newClassCode(): string {
  let code = '';
  for (let i = 0; i < CLASS_CODE_LENGTH; i++)
    code += CLASS_CODE_ALPHABET[randomInt(CLASS_CODE_ALPHABET.length)];
  return code;
}

export function isClassCode(text: string): boolean {
  return (
    text.length === CLASS_CODE_LENGTH && [...text].every((c) => CLASS_CODE_ALPHABET.includes(c))
  );
}

export function newTeacherToken(): string {
  return randomBytes(18).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether `token` is the one whose hash is `hash`, compared in constant time. */
export function tokenMatches(token: unknown, hash: string): boolean {
  if (typeof token !== 'string' || token.length > 200) return false;
  const given = Buffer.from(tokenHash(token), 'hex');
  const kept = Buffer.from(hash, 'hex');
  return given.length === kept.length && timingSafeEqual(given, kept);
}
