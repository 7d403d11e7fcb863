import { randomBytes, scrypt, scryptSync, type BinaryLike } from "node:crypto";

const KEY_LENGTH = 32;
const COST = 16_384;

function encode(salt: Buffer, key: Buffer): string {
  return `scrypt$${COST}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/** Hashes a password that an IdP provisioned, off the event loop. It is never stored in clear. */
export function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) => {
    scrypt(password as BinaryLike, salt, KEY_LENGTH, { N: COST }, (error, key) =>
      error ? reject(error) : resolve(encode(salt, key)),
    );
  });
}

/** The synchronous form, for PATCH, whose operations run inside a SQLite transaction. */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  return encode(salt, scryptSync(password, salt, KEY_LENGTH, { N: COST }));
}
