import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const PASSWORD_LENGTH_MIN = 10;
export const PASSWORD_LENGTH_MAX = 128;

export const password = z
  .string()
  .min(PASSWORD_LENGTH_MIN, `Use at least ${PASSWORD_LENGTH_MIN} characters`)
  .max(PASSWORD_LENGTH_MAX, `Use at most ${PASSWORD_LENGTH_MAX} characters`);

export const newAccountInput = z.object({
  email: z.email("Enter a valid email address").trim().toLowerCase(),
  name: z.string().trim().max(200).optional(),
  password,
  role: z.enum(ROLES),
});
export type NewAccountInput = z.infer<typeof newAccountInput>;

export const accountChangeInput = z
  .object({
    role: z.enum(ROLES).optional(),
    disabled: z.boolean().optional(),
    password: password.optional(),
  })
  .refine((change) => Object.values(change).some((value) => value !== undefined), {
    message: "Nothing to change",
  });
export type AccountChange = z.infer<typeof accountChangeInput>;
