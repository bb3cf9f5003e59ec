import { describe, expect, test } from 'vitest';
import { ProtoReader } from './ProtoReader';

describe('ProtoReader.messages', () => {
  test('reads each nested message of the field, in order, and skips the other fields', () => {
    // field 1 {field 1: 5}, field 2: 7, field 1 {field 1: 9, field 3: 1}
    const bytes = Uint8Array.of(0x0a, 0x02, 0x08, 0x05, 0x10, 0x07, 0x0a, 0x04, 0x08, 0x09, 0x18, 0x01);
    const reader = new ProtoReader(bytes);
    const values: number[] = [];
    reader.messages(1, (message) => {
      message.fields((field) => {
        if (field === 1) values.push(message.int32());
      });
    });
    expect(values).toEqual([5, 9]);
    expect(reader.pos).toBe(bytes.length);
  });
});
