/**
 * Parses one JSON text as Python's `json.loads` does: standard JSON plus the bare tokens `NaN`,
 * `Infinity` and `-Infinity` that Python writes for non-finite floats (an Optuna journal holds them
 * for a NaN intermediate value or an infinite objective). Throws a SyntaxError naming the character
 * position and what was expected there.
 */
export function parsePythonJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Rare: only lines with non-finite numbers (or broken lines) take the slow path.
    return new Reader(text).document();
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- control characters are what it matches
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const SPACE = /[ \t\n\r]*/y;

class Reader {
  private at = 0;

  constructor(private readonly text: string) {}

  document(): unknown {
    const value = this.value();
    this.space();
    if (this.at < this.text.length) this.fail('the end of the text');
    return value;
  }

  private value(): unknown {
    this.space();
    const c = this.text[this.at];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    for (const [word, value] of WORDS) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (match === null) this.fail('a JSON value');
    this.at += match[0].length;
    return Number(match[0]);
  }

  private object(): Record<string, unknown> {
    this.at++;
    const result: Record<string, unknown> = {};
    this.space();
    if (this.eat('}')) return result;
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') this.fail('a quoted key');
      const key = this.string();
      this.space();
      if (!this.eat(':')) this.fail("':'");
      // defineProperty, as JSON.parse does: a key "__proto__" is data, never the prototype.
      Object.defineProperty(result, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.space();
      if (this.eat('}')) return result;
      if (!this.eat(',')) this.fail("',' or '}'");
    }
  }

  private array(): unknown[] {
    this.at++;
    const result: unknown[] = [];
    this.space();
    if (this.eat(']')) return result;
    for (;;) {
      result.push(this.value());
      this.space();
      if (this.eat(']')) return result;
      if (!this.eat(',')) this.fail("',' or ']'");
    }
  }

  private string(): string {
    STRING.lastIndex = this.at;
    const match = STRING.exec(this.text);
    if (match === null) this.fail('a complete string');
    this.at += match[0].length;
    return JSON.parse(match[0]) as string;
  }

  private space(): void {
    SPACE.lastIndex = this.at;
    SPACE.exec(this.text);
    this.at = SPACE.lastIndex;
  }

  private eat(c: string): boolean {
    if (this.text[this.at] !== c) return false;
    this.at++;
    return true;
  }

  private fail(expected: string): never {
    const found = this.at >= this.text.length ? 'the end of the text' : JSON.stringify(this.text.slice(this.at, this.at + 12));
    throw new SyntaxError(`expected ${expected} at character ${this.at + 1}, found ${found}`);
  }
}

const WORDS: readonly (readonly [string, unknown])[] = [
  ['true', true],
  ['false', false],
  ['null', null],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
];
