/** Why a PostgreSQL connection or statement failed, in one line (the driver's errors vary in form). */
export function postgresErrorReason(error: unknown): string {
  const failure = error as { code?: string; message?: string; errors?: unknown[] } | undefined;
  switch (failure?.code) {
    case 'ECONNREFUSED':
      return 'connection refused (is the server running and listening there?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'unknown host';
    case 'ETIMEDOUT':
      return 'timed out';
    case 'ENOENT':
      return 'no server socket there (is the server running?)';
    case 'ECONNRESET':
      return 'the server closed the connection';
    case '57P01':
    case '57P02':
    case '57P03':
      return `the server is shutting down or starting (${firstLine(failure.message)})`;
  }
  const message = firstLine(failure?.message);
  // pg asks for the password only when the server wants one; without one it fails with this.
  if (message.includes('client password must be a string')) return 'the server asks for a password and the URL has none';
  if (/timeout/i.test(message) && /connect/i.test(message)) return 'timed out while connecting';
  if (message === '' && Array.isArray(failure?.errors) && failure.errors.length > 0) return postgresErrorReason(failure.errors[0]);
  return message === '' ? String(error) : message;
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0]?.trim() ?? '';
}
