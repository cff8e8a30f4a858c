import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

export interface FieldIssue {
  path: string;
  message: string;
}

/** zod issues as `{ path, message }` with dotted paths (`tickets.3.createdAt`), `(root)` for the body itself. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }));
}

export class ValidationError extends BadRequestException {
  constructor(issues: FieldIssue[], error = 'validation failed') {
    super({ error, issues });
  }
}

/** Parses with the schema or throws a 400 naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error).map((i) => (prefix ? { ...i, path: i.path === '(root)' ? prefix : `${prefix}.${i.path}` } : i));
  throw new ValidationError(issues);
}

/** `@Body(new ZodPipe(schema))`: the zod schema is the DTO. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(
    private readonly schema: S,
    private readonly prefix?: string,
  ) {}
  transform(value: unknown): z.infer<S> {
    return parseOrThrow(this.schema, value, this.prefix);
  }
}
