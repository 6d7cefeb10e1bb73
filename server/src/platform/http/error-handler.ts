import type { FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError } from '../errors/app-error';

/** Every error leaves as `{ code, message, requestId }` with a Chinese message and never a stack trace. */
export const registerErrorHandler = (app: FastifyInstance) => {
  app.setErrorHandler((error, req, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return reply.status(error.status).send({ code: error.code, message: error.message, requestId: req.id, details: error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const field = first?.instancePath?.replace(/^\//, '').replace(/\//g, '.');
      const message = first?.message && /[\u4e00-\u9fa5]/.test(first.message) ? first.message : '提交的信息格式不正确';
      return reply.status(400).send({ code: 'VALIDATION_FAILED', message, requestId: req.id, details: field ? { field } : undefined });
    }
    if (error instanceof ZodError) {
      const first = error.issues[0];
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: first?.message ?? '提交的信息格式不正确',
        requestId: req.id,
        details: { field: first?.path.join('.') },
      });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) return reply.status(413).send({ code: 'PAYLOAD_TOO_LARGE', message: '提交的数据过大', requestId: req.id });
    if (status && status >= 400 && status < 500) {
      return reply.status(400).send({ code: 'VALIDATION_FAILED', message: '请求格式不正确', requestId: req.id });
    }
    req.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: '系统繁忙，请稍后再试', requestId: req.id });
  });
};
