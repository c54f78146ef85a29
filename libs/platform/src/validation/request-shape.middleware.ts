import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { FieldProblem, Problem } from '../problem';
import { requestShapeProblems } from './request-shape';

/** The 400 for a request whose shape no schema accepts, naming every field and rule found. */
export function shapeProblem(problems: FieldProblem[]): Problem {
  return {
    type: 'urn:problem:REQUEST.INVALID',
    title: HttpStatus[HttpStatus.BAD_REQUEST],
    status: HttpStatus.BAD_REQUEST,
    detail: problems.map((p) => p.message).join('; '),
    code: 'REQUEST.INVALID',
    errors: problems,
  };
}

/** Problems of the path's segments, decoded as the router will decode them. */
function pathProblems(path: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      problems.push({ field: 'path', rule: 'percentEncoding', message: `path segment ${segment.slice(0, 64)} is not percent-encoded UTF-8` });
      continue;
    }
    problems.push(...requestShapeProblems(decoded, 'path'));
  }
  return problems;
}

/** Query parameters are single strings (no operation declares a repeated or nested one). */
function queryProblems(query: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (typeof value !== 'string')
      problems.push({ field: name, rule: 'singleValue', message: `query parameter ${name.slice(0, 64)} must be given once, as a string` });
  }
  return [...problems, ...requestShapeProblems(query)];
}

/** Every problem of a request's path, query and body (undefined: none), as the middleware finds them. */
export function requestShapeProblemsOf(path: string, query: Record<string, unknown>, body: unknown): FieldProblem[] {
  return [...pathProblems(path), ...queryProblems(query), ...(body === undefined ? [] : requestShapeProblems(body))];
}

/**
 * Runs after the JSON body parser, before routing: a body, query or path no schema of ours
 * accepts (see requestShapeProblems) is answered 400 problem+json here, so no recursive step of
 * the ValidationPipe ever sees it (docs/adr/0014-request-validation.md).
 */
export function requestShapeMiddleware(req: Request, res: Response, next: NextFunction): void {
  const problems = requestShapeProblemsOf(req.path, req.query as Record<string, unknown>, req.body);
  if (problems.length === 0) return next();
  res
    .status(HttpStatus.BAD_REQUEST)
    .type('application/problem+json')
    .json(shapeProblem(problems.slice(0, 20)));
}
