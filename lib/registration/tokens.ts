import "server-only";
import { createHash, randomBytes, randomInt } from "node:crypto";

// The secrets a registration is reached by: the manage link's token and the check-in code.

/** The secret in a manage link: 32 random bytes, base64url (43 characters). */
export function newManageToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this is stored: a database leak must not hand out working links. */
export function hashManageToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

// No 0/O, 1/I/L: the code is read aloud and typed at the door.
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH = 8;

export function newCheckInCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What someone typed as a code, in the stored form: "k7pm-3qxd" → "K7PM3QXD". */
export function normalizeCheckInCode(input: string): string {
  return input.replace(/[^0-9a-z]/gi, "").toUpperCase();
}
