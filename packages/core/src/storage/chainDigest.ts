import { mix32 } from '../random/hashSeed';

/**
 * A 64-bit digest of `previous` followed by `text`, as 16 hex digits: each journal line carries the
 * digest of the one before it and its own content, so a line edited by hand, removed or moved breaks
 * the chain at that line. It detects accidents and hand edits, not an adversary (no cryptography:
 * this runs on every append, and in browsers).
 */
export function chainDigest(previous: string, text: string): string {
  let a = 0x811c9dc5 ^ seedOf(previous, 0);
  let b = 0x2545f491 ^ seedOf(previous, 8);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return hex(mix32(a ^ text.length)) + hex(mix32(b ^ Math.imul(a, 0x27d4eb2f)));
}

/** The digest the first line of a journal chains from. */
export const CHAIN_START = '0000000000000000';

function seedOf(previous: string, offset: number): number {
  return Number.parseInt(previous.slice(offset, offset + 8) || '0', 16) | 0;
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}
