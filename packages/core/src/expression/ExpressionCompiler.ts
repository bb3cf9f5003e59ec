import type { MathNode } from 'mathjs';
import { CoreError } from '../errors/CoreError';
import type { Constraint } from './Constraint';
import type { DerivedObjective } from './DerivedObjective';

/** The part of a mathjs instance this compiler uses: its parser, never JavaScript's `eval`. */
export interface ExpressionParser {
  parse(text: string): MathNode;
}

/** Functions an expression may call (all are in the restricted mathjs instance, see loadExpressionCompiler). */
export const EXPRESSION_FUNCTIONS: readonly string[] = ['abs', 'exp', 'log', 'log10', 'log2', 'max', 'min', 'sqrt'];

const ARITHMETIC = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus']);
/** Comparison operator → sign: c = sign * (left - right) is <= 0 when the constraint holds. */
const COMPARISONS: Readonly<Record<string, { readonly sign: 1 | -1; readonly strict: boolean }>> = {
  smaller: { sign: 1, strict: true },
  smallerEq: { sign: 1, strict: false },
  larger: { sign: -1, strict: true },
  largerEq: { sign: -1, strict: false },
};
const DIRECTION = /^\s*(minimi[sz]e|maximi[sz]e|min|max)\s*:?\s+/i;

type Evaluate = (values: Readonly<Record<string, number>>) => number;

/**
 * Turns the expressions users write on the command line or in a study's spec into constraints and
 * derived objectives. Every name must be one of the study's objectives or metrics and every function
 * one of EXPRESSION_FUNCTIONS; anything else is a CoreError of kind 'invalid-argument' that names the
 * problem, so a typo fails when the study is set up rather than as NaN after hours of training.
 */
export class ExpressionCompiler {
  constructor(private readonly parser: ExpressionParser) {}

  /** `left <= right`, `<`, `>=` or `>`; a strict comparison that holds with equality counts as broken. */
  constraint(expression: string, known: readonly string[], parameter = 'constraint'): Constraint {
    const node = this.parse(expression, parameter);
    const comparison = node.type === 'OperatorNode' ? COMPARISONS[(node as { fn: string } & MathNode).fn as string] : undefined;
    if (comparison === undefined) {
      throw invalid(`${parameter} "${expression}" must compare two expressions with <=, <, >= or >`, parameter);
    }
    const [leftNode, rightNode] = (node as unknown as { args: MathNode[] }).args as [MathNode, MathNode];
    const uses = new Set<string>();
    const left = this.arithmetic(leftNode, known, uses, expression, parameter);
    const right = this.arithmetic(rightNode, known, uses, expression, parameter);
    const { sign, strict } = comparison;
    return {
      expression,
      uses: [...uses],
      value: (values) => {
        const c = sign * (left(values) - right(values));
        // Keeps one rule for optimizers (c <= 0 is feasible) while `x < 2` stays broken at x = 2.
        return strict && c === 0 ? Number.MIN_VALUE : c;
      },
    };
  }

  /** `[minimize|maximize] name = expression`; minimised unless it says otherwise. */
  objective(expression: string, known: readonly string[], parameter = 'objective'): DerivedObjective {
    const prefix = DIRECTION.exec(expression);
    const direction = prefix !== null && /^max/i.test(prefix[1] as string) ? 'maximize' : 'minimize';
    const body = prefix === null ? expression : expression.slice(prefix[0].length);
    const node = this.parse(body, parameter);
    if (node.type !== 'AssignmentNode') {
      throw invalid(`${parameter} "${expression}" must name the objective: "[minimize|maximize] name = expression"`, parameter);
    }
    const { object, value } = node as unknown as { object: MathNode; value: MathNode };
    if (object.type !== 'SymbolNode') throw invalid(`${parameter} "${expression}": the left side must be a plain name`, parameter);
    const name = (object as unknown as { name: string }).name;
    const uses = new Set<string>();
    const evaluate = this.arithmetic(value, known, uses, expression, parameter);
    return { name, direction, cheap: false, expression, uses: [...uses], value: evaluate };
  }

  private parse(text: string, parameter: string): MathNode {
    if (typeof text !== 'string' || text.trim() === '') throw invalid(`${parameter} must be a non-empty expression`, parameter);
    try {
      return this.parser.parse(text);
    } catch (error) {
      throw invalid(`${parameter} "${text}": ${(error as Error).message}`, parameter, error);
    }
  }

  /** Checks a numeric subexpression (names, functions, operators) and compiles it with mathjs. */
  private arithmetic(node: MathNode, known: readonly string[], uses: Set<string>, expression: string, parameter: string): Evaluate {
    node.traverse((child, path, parent) => {
      switch (child.type) {
        case 'ConstantNode':
          if (typeof (child as unknown as { value: unknown }).value !== 'number')
            throw invalid(`${parameter} "${expression}": only numbers are allowed as constants`, parameter);
          return;
        case 'ParenthesisNode':
          return;
        case 'OperatorNode': {
          const fn = (child as unknown as { fn: string }).fn;
          if (!ARITHMETIC.has(fn))
            throw invalid(
              `${parameter} "${expression}": operator "${(child as unknown as { op: string }).op}" is not allowed here (allowed: + - * / ^)`,
              parameter,
            );
          return;
        }
        case 'FunctionNode': {
          const name = (child as unknown as { fn: { name?: string } }).fn.name;
          if (name === undefined || !EXPRESSION_FUNCTIONS.includes(name)) {
            throw invalid(`${parameter} "${expression}": unknown function "${name ?? '?'}" (allowed: ${EXPRESSION_FUNCTIONS.join(', ')})`, parameter);
          }
          return;
        }
        case 'SymbolNode': {
          // A FunctionNode's own name is a SymbolNode at path 'fn': checked above.
          if (parent?.type === 'FunctionNode' && path === 'fn') return;
          const name = (child as unknown as { name: string }).name;
          if (!known.includes(name)) {
            throw invalid(`${parameter} "${expression}": unknown name "${name}" (known: ${known.join(', ')})`, parameter);
          }
          uses.add(name);
          return;
        }
        default:
          throw invalid(`${parameter} "${expression}": ${child.type.replace(/Node$/, '').toLowerCase()} expressions are not allowed`, parameter);
      }
    });
    const compiled = node.compile();
    return (values) => {
      const result = compiled.evaluate({ ...values }) as unknown;
      return typeof result === 'number' ? result : Number.NaN;
    };
  }
}

function invalid(message: string, parameter: string, cause?: unknown): CoreError {
  return new CoreError('invalid-argument', message, { parameter, allowed: 'expressions over objective and metric names', cause });
}
