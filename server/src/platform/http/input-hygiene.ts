import type { FastifyInstance } from 'fastify';
import { hasUnstorableCharacter, UNSTORABLE_TEXT_MESSAGE } from '@cep/contracts';
import { AppError } from '../errors/app-error';

const MAX_DEPTH = 20;

/** The path (a.b.0.c) of the first string or key in `value` that no database column can store, or null. */
export const findUnstorableText = (value: unknown, path: string[] = []): string | null => {
  if (typeof value === 'string') return hasUnstorableCharacter(value) ? path.join('.') || 'value' : null;
  if (!value || typeof value !== 'object' || path.length > MAX_DEPTH) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (hasUnstorableCharacter(key)) return [...path, '?'].join('.');
    const found = findUnstorableText(inner, [...path, key]);
    if (found) return found;
  }
  return null;
};

/**
 * Every route, present and future: a NUL or an unpaired UTF-16 half anywhere in the path, query or body is a
 * 400 before validation, so no such text ever reaches PostgreSQL (where it would fail as a 500).
 */
export const registerInputHygiene = (app: FastifyInstance) => {
  app.addHook('preValidation', async (req) => {
    for (const part of [req.params, req.query, req.body]) {
      const field = findUnstorableText(part);
      if (field) throw new AppError('VALIDATION_FAILED', UNSTORABLE_TEXT_MESSAGE, { details: { field } });
    }
  });
};
