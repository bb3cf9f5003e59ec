import { ExpressionCompiler } from './ExpressionCompiler';

let loading: Promise<ExpressionCompiler> | undefined;

/**
 * The expression compiler, on first use. mathjs is loaded only then (it takes about half a second to
 * import), so studies without constraints or derived objectives never pay for it. The instance is
 * restricted to numbers, arithmetic, comparisons and EXPRESSION_FUNCTIONS: an expression cannot reach
 * anything else (no assignment to functions, no imports, no matrices).
 */
export function loadExpressionCompiler(): Promise<ExpressionCompiler> {
  loading ??= import('mathjs/number').then((m) => {
    const factories = {
      parseDependencies: m.parseDependencies,
      compileDependencies: m.compileDependencies,
      addDependencies: m.addDependencies,
      subtractDependencies: m.subtractDependencies,
      multiplyDependencies: m.multiplyDependencies,
      divideDependencies: m.divideDependencies,
      powDependencies: m.powDependencies,
      unaryMinusDependencies: m.unaryMinusDependencies,
      unaryPlusDependencies: m.unaryPlusDependencies,
      smallerDependencies: m.smallerDependencies,
      smallerEqDependencies: m.smallerEqDependencies,
      largerDependencies: m.largerDependencies,
      largerEqDependencies: m.largerEqDependencies,
      absDependencies: m.absDependencies,
      expDependencies: m.expDependencies,
      logDependencies: m.logDependencies,
      log10Dependencies: m.log10Dependencies,
      log2Dependencies: m.log2Dependencies,
      maxDependencies: m.maxDependencies,
      minDependencies: m.minDependencies,
      sqrtDependencies: m.sqrtDependencies,
    } as Parameters<typeof m.create>[0];
    return new ExpressionCompiler(m.create(factories));
  });
  return loading;
}
