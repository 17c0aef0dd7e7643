// Join codes: 8 characters a person can read aloud and type on a phone (no 0/O,
// 1/I/L), about 40 bits, from the system's cryptographic random source.
import { randomInt } from "node:crypto";

export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;

export function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** What a student typed, as a code: upper case, spaces and dashes dropped. */
export const normaliseJoinCode = (typed: string) => typed.toUpperCase().replace(/[\s-]/g, "");

export const isJoinCode = (code: string) => code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
