/**
 * A reader of the protocol-buffer wire format, just enough for ONNX models: varints, fixed 32/64
 * bits and length-delimited fields. Hand-written rather than protobufjs because the model is read
 * on every benchmark start (190,000-node ensembles, packed arrays decoded straight into typed
 * arrays) and protobufjs's CommonJS build exposes no named exports to Node's ESM loader.
 */
export class ProtoReader {
  pos: number;
  private readonly view: DataView;

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  /**
   * Calls `read(field, wireType, tag)` for each field up to the end of the message; a field that
   * `read` leaves unread is skipped.
   */
  fields(read: (field: number, wireType: number, tag: number) => void): void {
    while (this.pos < this.end) {
      const tag = this.tag();
      const at = this.pos;
      read(tag >>> 3, tag & 7, tag);
      if (this.pos === at) this.skip(tag & 7);
    }
  }

  /** The next field's tag: `field << 3 | wireType`. */
  tag(): number {
    return this.uint32();
  }

  /** A varint's low 32 bits as an unsigned number (the rest of a 64-bit varint is skipped). */
  uint32(): number {
    const { buf } = this;
    let value = 0;
    let shift = 0;
    for (;;) {
      if (this.pos >= this.end) throw new RangeError('truncated varint');
      const byte = buf[this.pos++]!;
      if (shift < 32) value |= (byte & 0x7f) << shift;
      if (byte < 0x80) return value >>> 0;
      shift += 7;
      if (shift >= 70) throw new RangeError('varint longer than 10 bytes');
    }
  }

  /** A varint as a signed 32-bit number: int32 and int64 fields whose values fit (ids, counts, -1). */
  int32(): number {
    return this.uint32() | 0;
  }

  float32(): number {
    const value = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return value;
  }

  /** A length-delimited field's extent, leaving the reader at its start. */
  lengthDelimited(): { readonly start: number; readonly end: number } {
    const length = this.uint32();
    const start = this.pos;
    const end = start + length;
    if (end > this.end) throw new RangeError('length-delimited field past the end of its message');
    this.pos = end;
    return { start, end };
  }

  string(): string {
    const { start, end } = this.lengthDelimited();
    return decoder.decode(this.buf.subarray(start, end));
  }

  /** Skips a field of the given wire type. */
  skip(wireType: number): void {
    switch (wireType) {
      case 0:
        this.uint32();
        return;
      case 1:
        this.pos += 8;
        break;
      case 2:
        this.lengthDelimited();
        return;
      case 5:
        this.pos += 4;
        break;
      default:
        throw new RangeError(`unsupported wire type ${wireType}`);
    }
    if (this.pos > this.end) throw new RangeError('fixed-size field past the end of its message');
  }

  /** A reader over the length-delimited field at the current position (a nested message). */
  message(): ProtoReader {
    const { start, end } = this.lengthDelimited();
    return new ProtoReader(this.buf, start, end);
  }

  /** Calls `read` with a reader over each nested message of field `field`, up to the end of the message; other fields are skipped. */
  messages(field: number, read: (message: ProtoReader) => void): void {
    this.fields((f) => {
      if (f === field) read(this.message());
    });
  }

  /**
   * A packed field of varints (each kept as its low 32 bits, signed) into an Int32Array. The loop is
   * written out rather than calling `int32()`: an ensemble's node arrays hold millions of varints.
   */
  packedInt32s(): Int32Array {
    const { start, end } = this.lengthDelimited();
    const { buf } = this;
    const out = new Int32Array(end - start);
    let n = 0;
    let pos = start;
    while (pos < end) {
      let byte = buf[pos++]!;
      let value = byte & 0x7f;
      let shift = 7;
      while (byte >= 0x80) {
        if (pos >= end) throw new RangeError('truncated varint');
        byte = buf[pos++]!;
        if (shift < 32) value |= (byte & 0x7f) << shift;
        shift += 7;
        if (shift >= 77) throw new RangeError('varint longer than 10 bytes');
      }
      out[n++] = value;
    }
    return out.slice(0, n);
  }

  /**
   * A run of an unpacked repeated varint field: the value at the current position and those of
   * the fields right after it with the same `tag` (proto2 files such as ONNX's write repeated
   * numbers one tag each).
   */
  runOfInt32s(tag: number): Int32Array {
    // One loop over locals, the tag check written out: this reads every node of an ensemble
    // (1.4 million varints for JAHS), mostly before the JIT has warmed up, so calls cost.
    if (tag >= 0x80) return this.runOfInt32sSlow(tag);
    const { buf, end } = this;
    let out = new Int32Array(4096);
    let n = 0;
    let pos = this.pos;
    for (;;) {
      if (n === out.length) {
        const grown = new Int32Array(2 * n);
        grown.set(out);
        out = grown;
      }
      let byte = buf[pos++]!;
      let value = byte & 0x7f;
      for (let shift = 7; byte >= 0x80; shift += 7) {
        if (pos >= end || shift >= 70) throw new RangeError('truncated or overlong varint');
        byte = buf[pos++]!;
        if (shift < 32) value |= (byte & 0x7f) << shift;
      }
      out[n++] = value;
      if (pos >= end || buf[pos] !== tag) break;
      pos++;
    }
    if (pos > end) throw new RangeError('truncated varint');
    this.pos = pos;
    return out.subarray(0, n);
  }

  private runOfInt32sSlow(tag: number): Int32Array {
    const out: number[] = [];
    do out.push(this.int32());
    while (this.nextTagIs(tag));
    return Int32Array.from(out);
  }

  /**
   * A run of a repeated string field (see runOfInt32s), decoding only strings that differ from the
   * one before: an ensemble's 190,000 node modes are a handful of names.
   */
  runOfStrings(tag: number): string[] {
    const { buf, end } = this;
    const out: string[] = [];
    let last = '';
    let lastStart = 0;
    let lastLength = -1;
    do {
      const length = this.uint32();
      const start = this.pos;
      if (start + length > end) throw new RangeError('length-delimited field past the end of its message');
      let same = length === lastLength;
      for (let k = 0; same && k < length; k++) same = buf[start + k] === buf[lastStart + k];
      if (!same) {
        last = decoder.decode(buf.subarray(start, start + length));
        lastStart = start;
        lastLength = length;
      }
      out.push(last);
      this.pos = start + length;
    } while (this.nextTagIs(tag));
    return out;
  }

  /** A run of an unpacked repeated float32 field (see runOfInt32s). */
  runOfFloat32s(tag: number): Float32Array {
    let out = new Float32Array(64);
    let n = 0;
    do {
      if (n === out.length) {
        const grown = new Float32Array(2 * n);
        grown.set(out);
        out = grown;
      }
      out[n++] = this.float32();
    } while (this.nextTagIs(tag));
    return out.slice(0, n);
  }

  /** Consumes the next tag when it is `tag` (a one- or two-byte tag, as fields up to 2047 have). */
  private nextTagIs(tag: number): boolean {
    const { buf, pos } = this;
    if (pos >= this.end) return false;
    if (tag < 0x80) {
      if (buf[pos] !== tag) return false;
      this.pos = pos + 1;
      return true;
    }
    if (pos + 1 >= this.end || buf[pos] !== ((tag & 0x7f) | 0x80) || buf[pos + 1] !== tag >>> 7) return false;
    this.pos = pos + 2;
    return true;
  }

  /** A packed field of little-endian float32 values. */
  packedFloat32s(): Float32Array {
    const { start, end } = this.lengthDelimited();
    const count = (end - start) >> 2;
    if (LITTLE_ENDIAN) return new Float32Array(this.buf.buffer.slice(this.buf.byteOffset + start, this.buf.byteOffset + start + 4 * count));
    const out = new Float32Array(count);
    const view = new DataView(this.buf.buffer, this.buf.byteOffset + start, 4 * count);
    for (let k = 0; k < count; k++) out[k] = view.getFloat32(4 * k, true);
    return out;
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const decoder = new TextDecoder();
