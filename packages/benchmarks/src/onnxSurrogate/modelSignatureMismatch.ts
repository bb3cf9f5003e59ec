/**
 * Why a model cannot serve a manifest — an input the manifest feeds or the output it reads that the
 * model does not have — as one clause naming both sides; undefined when it can. Checked when the
 * session opens, so a wrong model fails with both lists of names, not at the first evaluation.
 */
export function modelSignatureMismatch(
  model: { readonly inputNames: readonly string[]; readonly outputNames: readonly string[] },
  expected: { readonly inputs: readonly string[]; readonly output: string },
): string | undefined {
  if (expected.inputs.every((name) => model.inputNames.includes(name)) && model.outputNames.includes(expected.output)) return undefined;
  return `the model has inputs ${model.inputNames.join(', ')} and outputs ${model.outputNames.join(', ')}; the manifest expects inputs ${expected.inputs.join(', ')} and output ${expected.output}`;
}
