/** `parts` end to end in one array of `Type`; a single part is returned as it is, not copied. */
export function concatArrays<T extends Int32Array | Float32Array | Uint8Array>(parts: readonly T[], Type: new (length: number) => T): T {
  if (parts.length === 1) return parts[0]!;
  const out = new Type(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
