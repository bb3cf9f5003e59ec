/** A value as shown in an error message: JSON, cut so that a huge value cannot flood the message. */
export function describeValue(value: unknown, max = 120): string {
  let text: string;
  try {
    text = value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}... (${text.length} characters)` : text;
}
