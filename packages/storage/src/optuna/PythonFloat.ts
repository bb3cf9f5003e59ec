/**
 * A number that Python must read back as a float. Python's `json` module reads `3` as an int and
 * `3.0` as a float, and Optuna keeps what it reads: a float parameter written as `3` would come back
 * as the int 3. JavaScript prints both as `3`, so positions that Optuna holds as floats are marked.
 */
export class PythonFloat {
  constructor(readonly value: number) {}
}
