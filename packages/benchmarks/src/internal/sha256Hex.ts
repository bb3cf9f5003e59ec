/**
 * Hex SHA-256 of bytes through WebCrypto, which Node (20+) and browsers both have: the checksum
 * checks of the shipped data run unchanged wherever the benchmark does.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
