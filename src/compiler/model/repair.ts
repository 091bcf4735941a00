/**
 * What is left of a YAML object that failed its schema, once its errors are reported: the keys whose
 * values are valid, with stand-ins for required keys that are not. The model is built from it so the
 * rest of the file (a lesson's body, the lessons of a course.yml with a bad key) is checked in the
 * same run; the build has already failed, so a stand-in never reaches a package.
 */
import { z } from "zod";

export function repairObject<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  raw: unknown,
  standIns: Record<string, unknown>,
): z.output<z.ZodObject<Shape>> | undefined {
  const source = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const kept: Record<string, unknown> = { ...standIns };
  for (const [key, value] of Object.entries(source)) {
    const field = schema.shape[key as keyof Shape];
    if (field && z.safeParse(field, value).success) kept[key] = value;
  }
  const repaired = schema.safeParse(kept);
  return repaired.success ? repaired.data : undefined;
}
