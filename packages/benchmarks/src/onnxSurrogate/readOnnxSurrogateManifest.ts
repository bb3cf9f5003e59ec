import type { z } from 'zod';
import { BenchmarkError } from '../errors/BenchmarkError';
import { nodeBuiltin } from '../internal/nodeBuiltin';
import { folderFilePath } from './folderFilePath';
import { onnxSurrogateManifestSchema, type OnnxSurrogateManifest } from './OnnxSurrogateManifest';
import { readJsonFile } from './readJsonFile';

/** Issues shown of an invalid manifest: enough to fix several at once, still one line. */
const SHOWN_ISSUES = 3;

/**
 * Reads and validates the `manifest.json` of an onnx-surrogate folder. An invalid manifest is one
 * 'invalid-definition' error whose message says where and what, in one line, e.g.
 * `…/manifest.json: output.name: expected string, received number`.
 */
export async function readOnnxSurrogateManifest(dir: string): Promise<{ readonly manifest: OnnxSurrogateManifest; readonly manifestPath: string }> {
  const manifestPath = nodeBuiltin('node:path', `reading ${dir}`).join(dir, 'manifest.json');
  return {
    manifest: parseOnnxSurrogateManifest(await readJsonFile(await folderFilePath(dir, 'manifest.json', 'manifest', manifestPath)), manifestPath),
    manifestPath,
  };
}

/** Validates a parsed `manifest.json`; `manifestPath` (a path or URL) is named in the one-line error. */
export function parseOnnxSurrogateManifest(json: unknown, manifestPath: string): OnnxSurrogateManifest {
  const parsed = onnxSurrogateManifestSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const first = issues[0]!;
  const more = issues.length > SHOWN_ISSUES ? ` (and ${issues.length - SHOWN_ISSUES} more)` : '';
  throw new BenchmarkError('invalid-definition', `${manifestPath}: ${issues.slice(0, SHOWN_ISSUES).map(describeIssue).join('; ')}${more}`, {
    parameter: first.path.length === 0 ? 'manifest' : issuePath(first.path),
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  // zod's messages open with "Invalid input: " where the path already says which input.
  const message = issue.message.replace(/^Invalid input: /, '');
  return issue.path.length === 0 ? message : `${issuePath(issue.path)}: ${message}`;
}

/** `["inputs", 0, "columns"]` -> `inputs[0].columns`, as the manifest would be addressed in code. */
function issuePath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
