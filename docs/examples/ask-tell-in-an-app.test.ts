import { expect, test } from 'vitest';
import { tuneMyNet } from './ask-tell-in-an-app';

test('the ask/tell guide example runs and finds a reasonable configuration', () => {
  const best = tuneMyNet(0, 40);
  expect(best).toBeDefined();
  expect(best!.objectives['val_loss']).toBeLessThan(0.5);
  expect(tuneMyNet(0, 40)).toEqual(best);
});
