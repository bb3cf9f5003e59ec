import type { DataStatus } from '@jahskit/core';
import { sha256File } from './sha256File';

/** `jahskit data check` for a benchmark that ships one model file with a pinned SHA-256. */
export async function checkModelFile(path: string, expectedSha256: string): Promise<DataStatus> {
  const digest = await sha256File(path);
  if (digest === undefined) {
    return { ready: false, detail: `model file missing: ${path}`, files: [{ path, ok: false, detail: `missing; expected SHA-256 ${expectedSha256}` }] };
  }
  const ok = digest.sha256 === expectedSha256;
  return {
    ready: ok,
    detail: ok ? `model ${path}` : `model ${path} is corrupted or another version`,
    files: [{ path, ok, detail: ok ? `SHA-256 ${digest.sha256} (${digest.size} bytes)` : `SHA-256 ${digest.sha256}, expected ${expectedSha256}` }],
  };
}
