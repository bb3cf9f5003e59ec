import { NameRegistry, Parser } from 'pickleparser';

/**
 * A numpy dtype as pickled (`numpy.dtype('f8', False, True)` then a BUILD with the byte order); only
 * what is needed to decode scalars is kept.
 */
class NumpyDtype {
  order = '<';
  constructor(readonly code: string) {}
  __setstate__(state: unknown): void {
    if (Array.isArray(state) && typeof state[1] === 'string') this.order = state[1];
  }
}

/** `numpy.core.multiarray.scalar(dtype, bytes)`: pandas' `to_dict()` may leave numpy scalars in values. */
function numpyScalar(dtype: unknown, data: unknown): unknown {
  if (!(dtype instanceof NumpyDtype)) return Number.NaN;
  const bytes = data instanceof Uint8Array ? data : typeof data === 'string' ? Uint8Array.from(data, (c) => c.charCodeAt(0)) : undefined;
  if (bytes === undefined) return Number.NaN;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = dtype.order !== '>';
  switch (dtype.code) {
    case 'f8':
      return view.getFloat64(0, little);
    case 'f4':
      return view.getFloat32(0, little);
    case 'i8':
      return Number(view.getBigInt64(0, little));
    case 'u8':
      return Number(view.getBigUint64(0, little));
    case 'i4':
      return view.getInt32(0, little);
    case 'u4':
      return view.getUint32(0, little);
    case 'b1':
      return view.getUint8(0) !== 0;
    default:
      return Number.NaN;
  }
}

/**
 * Parses a pickle without running any of its code: pickleparser only builds plain objects, and the
 * only names resolved to functions are numpy's scalar and dtype constructors and `_codecs.encode`
 * (protocol-2 bytes), reimplemented here. Everything else becomes an inert placeholder object.
 * Dicts become plain objects; tuple keys become their comma-joined string ("h,0.1,256,222").
 */
export function unpickle(bytes: Uint8Array): unknown {
  const names = new NameRegistry()
    .register('numpy', 'dtype', (code: string) => new NumpyDtype(code))
    .register('numpy.core.multiarray', 'scalar', numpyScalar)
    .register('numpy._core.multiarray', 'scalar', numpyScalar)
    .register('_codecs', 'encode', (text: string) => text);
  return new Parser({ nameResolver: names, unpicklingTypeOfDictionary: 'object' }).parse(bytes);
}
