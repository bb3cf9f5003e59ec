/**
 * At most `limit` of `items`, evenly spaced and in their order: what a chart draws of more points than
 * a browser draws quickly. The first item is always kept.
 */
export function evenSample<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)] as T);
}
