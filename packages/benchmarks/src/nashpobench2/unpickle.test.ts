import { expect, test } from 'vitest';
import { unpickle } from './unpickle';

// {'valid_acc_0': {('ab', 0.1, 256, 222): np.float64(91.25)}, 'seed': {(...): np.int64(222)}} as
// pandas may leave it, pickled by numpy 2.4 with protocols 4 and 2 (protocol 2 wraps bytes in
// _codecs.encode). Generated once with `pickle.dumps(d, protocol=p)`; numpy is not needed to run this.
const PROTOCOL_4 =
  'gASV1gAAAAAAAAB9lCiMC3ZhbGlkX2FjY18wlH2UKIwCYWKURz+5mZmZmZmaTQABS950lIwWbnVtcHkuX2NvcmUubXVsdGlhcnJheZSMBnNjYWxhcpSTlIwFbnVtcHmUjAVkdHlwZZSTlIwCZjiUiYiHlFKUKEsDjAE8lE5OTkr/////Sv////9LAHSUYkMIAAAAAADQVkCUhpRSlHOMBHNlZWSUfZRoBGgHaAqMAmk4lImIh5RSlChLA2gOTk5OSv////9K/////0sAdJRiQwjeAAAAAAAAAJSGlFKUc3Uu';
const PROTOCOL_2 =
  'gAJ9cQAoWAsAAAB2YWxpZF9hY2NfMHEBfXECKFgCAAAAYWJxA0c/uZmZmZmZmk0AAUvedHEEY251bXB5Ll9jb3JlLm11bHRpYXJyYXkKc2NhbGFyCnEFY251bXB5CmR0eXBlCnEGWAIAAABmOHEHiYiHcQhScQkoSwNYAQAAADxxCk5OTkr/////Sv////9LAHRxC2JjX2NvZGVjcwplbmNvZGUKcQxYCQAAAAAAAAAAw5BWQHENWAYAAABsYXRpbjFxDoZxD1JxEIZxEVJxEnNYBAAAAHNlZWRxE31xFGgEaAVoBlgCAAAAaThxFYmIh3EWUnEXKEsDaApOTk5K/////0r/////SwB0cRhiaAxYCQAAAMOeAAAAAAAAAHEZaA6GcRpScRuGcRxScR1zdS4=';

test.each([PROTOCOL_4, PROTOCOL_2])('decodes numpy scalars and stringifies tuple keys', (base64) => {
  expect(unpickle(Buffer.from(base64, 'base64'))).toEqual({ valid_acc_0: { 'ab,0.1,256,222': 91.25 }, seed: { 'ab,0.1,256,222': 222 } });
});

test('unknown globals become inert placeholders, never code', () => {
  // pickle.dumps(os.system, protocol=4): a reference to posix.system, resolved to a placeholder class.
  const bytes = Buffer.from('gASVFAAAAAAAAACMBXBvc2l4lIwGc3lzdGVtlJOULg==', 'base64');
  const value = unpickle(bytes) as { __module__?: string; __name__?: string };
  expect(typeof value).toBe('function');
  expect(value.__name__ ?? (value as unknown as { prototype: { __name__: string } }).prototype.__name__).toBe('system');
});
