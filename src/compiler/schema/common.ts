/** Building blocks shared by the course, lesson, quiz and question schemas. */
import { z } from "zod";

export const ID_PATTERN = /^[a-z][a-z0-9_-]*$/;

/** Stable ids: LMS reports and saved learner state key on them, and they must be NCName-safe. */
export const idSchema = z.string().max(64, { message: "must be at most 64 characters" }).regex(ID_PATTERN, {
  message: "must start with a lowercase letter and use only a-z, 0-9, '-' and '_' (for example \"pipeline-basics\")",
});

export const textSchema = z.string().trim().min(1, { message: "must not be empty" });

export const percentSchema = z.number().min(0).max(100);

export const positiveMinutes = z.number().positive();
