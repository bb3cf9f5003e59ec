/**
 * A column name as a Vega field: Vega reads "." and "[" as paths into nested objects, and the trial
 * table's names come from the benchmarks' spaces (a parameter may well be called "optimizer.lr").
 */
export function vegaField(name: string): string {
  return name.replace(/[.[\]\\]/g, (c) => `\\${c}`);
}
