/**
 * Where a JSON text first goes wrong, as a line and column. Node's own parse errors only sometimes carry
 * a position (Node 20 often gives none), and a user fixing a config file needs one.
 */
export interface JsonSyntaxError {
  readonly line: number;
  readonly column: number;
  /** "unexpected \"]\"", "unexpected end of file". */
  readonly problem: string;
}

class Stop {
  constructor(readonly offset: number) {}
}

/** The first syntax error of `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let at = 0;
  const fail = (): never => {
    throw new Stop(at);
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at++;
  };
  const literal = (word: string) => {
    for (const char of word)
      if (text[at] === char) at++;
      else fail();
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) fail();
    at += match?.[0].length ?? 0;
  };
  const string = () => {
    at++; // the opening quote
    while (text[at] !== '"') {
      const char = text[at];
      if (char === undefined || char < ' ') fail();
      if (char === '\\') {
        at++;
        if (text[at] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) at += 4;
        else if (!'"\\/bfnrt'.includes(text[at] ?? 'x')) fail();
      }
      at++;
    }
    at++;
  };
  const sequence = (close: string, item: () => void) => {
    at++; // the opening bracket
    space();
    if (text[at] === close) return void at++;
    for (;;) {
      item();
      space();
      if (text[at] === close) return void at++;
      if (text[at] !== ',') fail();
      at++;
      space();
    }
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === '{')
      sequence('}', () => {
        if (text[at] !== '"') fail();
        string();
        space();
        if (text[at] !== ':') fail();
        at++;
        value();
      });
    else if (char === '[') sequence(']', value);
    else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else number();
  };
  try {
    value();
    space();
    if (at < text.length) fail();
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.offset).split('\n');
    const char = text[error.offset];
    return {
      line: before.length,
      column: (before.at(-1)?.length ?? 0) + 1,
      problem: char === undefined ? 'unexpected end of file' : `unexpected ${JSON.stringify(char)}`,
    };
  }
}
