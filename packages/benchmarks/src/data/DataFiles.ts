/**
 * The files of one benchmark's data folder, wherever they are: a folder on disk, a URL a browser
 * fetches from, bytes an app already holds. Benchmarks that also run in browsers (nb201, nb301, jahs)
 * take one instead of reading their package's `data/` folder, which only Node can.
 */
export interface DataFiles {
  /** Where the files are (a folder or a URL), for messages. */
  readonly location: string;
  /** The bytes of a file, by its name in the folder (e.g. `nb201.bin`). */
  read(name: string): Promise<Uint8Array>;
}
