/**
 * A value the user gave, as quoted in an error message: JSON-quoted, so that it stays on one line
 * whatever it holds, and cut after `max` characters, so that a 20 MB value cannot make a 20 MB message.
 */
export function quoteValue(text: string, max = 200): string {
  if (text.length <= max) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, max))}... (${text.length} characters)`;
}
