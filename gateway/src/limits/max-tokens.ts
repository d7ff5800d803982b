import type { NextFunction, Request, Response } from 'express';
import { Lexer, Source, TokenKind } from 'graphql';
import { graphqlError } from '../graphql/http-errors';

/** Whether a document has more than `max` tokens, found by lexing only as far as the limit. */
export function exceedsTokens(query: string, max: number): boolean {
  const lexer = new Lexer(new Source(query));
  try {
    for (let count = 0; lexer.advance().kind !== TokenKind.EOF;) {
      if (++count > max) return true;
    }
  } catch {
    // a lexical error is the parser's to report, with its position
  }
  return false;
}

/**
 * At most `max` tokens per document, refused with 400 before Apollo Server parses it (graphql-armor's plugin
 * for this threw from inside the pipeline, which answered 500).
 */
export function tokenLimit(max: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const query = (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query === 'string' && exceedsTokens(query, max)) {
      return graphqlError(res, 400, 'GRAPHQL_PARSE_FAILED', `Syntax Error: Token limit of ${max} exceeded.`);
    }
    next();
  };
}
