import { StringDecoder } from 'node:string_decoder';

/**
 * The lines of a stream as they arrive: each chunk yields the lines it completes, without their
 * newlines, so that a caller can answer a line as soon as it is written (a program driving
 * `jahskit eval` line by line) and still handle the many lines of one chunk of a file together.
 * A last line without a newline is yielded when the stream ends. UTF-8 characters split across
 * chunks are decoded whole.
 */
export async function* lineBatches(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  // Kept as a list of pieces: a 20 MB line arriving in 64 KB chunks is joined once, not once per chunk.
  let pending: string[] = [];
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    const end = text.lastIndexOf('\n');
    if (end === -1) {
      if (text !== '') pending.push(text);
      continue;
    }
    const lines = (pending.join('') + text.slice(0, end)).split('\n');
    pending = end + 1 < text.length ? [text.slice(end + 1)] : [];
    yield lines;
  }
  const rest = pending.join('') + decoder.end();
  if (rest !== '') yield [rest];
}
