/**
 * A response's `data` already written as JSON text. `stringifyResult` splices the text into the body; anything
 * else that stringifies the result still gets the same JSON (`toJSON`), only slower.
 */
export class ShapedText {
  constructor(readonly json: string) {}

  toJSON(): unknown {
    return JSON.parse(this.json);
  }
}

/**
 * Apollo Server's `stringifyResult`: the text `JSON.stringify(result) + '\n'` gives (its default), with data
 * written as text taken as it is. Apollo Server hands it `{ errors, data, extensions }` in this order.
 */
export function stringifyResult(result: { errors?: unknown; data?: unknown; extensions?: unknown }): string {
  if (!(result.data instanceof ShapedText)) return `${JSON.stringify(result)}\n`;
  let body = '{';
  for (const field of Object.keys(result)) {
    const value = (result as Record<string, unknown>)[field];
    const json = value instanceof ShapedText ? value.json : (JSON.stringify(value) as string | undefined);
    if (json === undefined) continue;
    body += `${body.length > 1 ? ',' : ''}${JSON.stringify(field)}:${json}`;
  }
  return `${body}}\n`;
}
