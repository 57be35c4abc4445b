/**
 * Reading the content folder safely. Sources and metadata arrive in pull
 * requests, so a path in the content folder may be anything a contributor can
 * commit: a symbolic link (to `.git/config`, `/etc/passwd`, `/dev/zero`), a
 * named pipe, a folder, a name too long for the disk or one that Windows and
 * macOS cannot check out. Every such path is refused by name before a byte of
 * it is read, and every read stops at a size cap.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, type Stats } from 'node:fs';
import { escapeForbidden } from '../../../src/edition/schemas/primitives.ts';

/** The largest source text read (10 MiB): a bigger `.txt` is an error naming the file and this cap. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

/** The largest YAML file read (1 MiB): metadata, `speakers.yaml`, `themes.yaml`, `aliases.yaml`. */
export const MAX_YAML_BYTES = 1024 * 1024;

/**
 * The longest base name of a source (87 bytes, without `.txt`/`.yaml`):
 * `sources.tar.gz` stores each source as `sources/<name>.yaml` and
 * `sources/<name>.txt`, and a ustar name field holds 100 bytes
 * (src/downloads/tar.ts), so 100 − 8 (`sources/`) − 5 (`.yaml`) = 87.
 */
export const MAX_SOURCE_NAME_BYTES = 100 - 'sources/'.length - '.yaml'.length;

/**
 * The largest statement file read back from `statements/` (64 MiB): a
 * statement holds its source's text (at most `MAX_SOURCE_BYTES`) with Markdown
 * escapes, and its edition report.
 */
export const MAX_STATEMENT_BYTES = 64 * 1024 * 1024;

/** A path that cannot be read as a regular file inside the content folder; the message completes "<file>: ". */
export class FileProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileProblem';
  }
}

const SYMLINK = 'is a symbolic link; only regular files inside the content folder are read, and links are not followed';

/** Why a file of this kind is not read, or undefined for a regular file. */
export function kindProblem(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isSymbolicLink()) return SYMLINK;
  if (st.isDirectory()) return 'is a folder, not a regular file';
  if (st.isFIFO()) return 'is a named pipe (FIFO), not a regular file';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device, not a regular file';
  if (st.isSocket()) return 'is a socket, not a regular file';
  return 'is not a regular file';
}

/** A file-system error as the end of "<file>: …", without the path (which may not be the contributor's to see). */
function errnoProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'is missing';
    case 'ENAMETOOLONG':
      return 'has a name too long for the file system';
    case 'ELOOP':
      return SYMLINK; // O_NOFOLLOW met a link
    case 'ENOTDIR':
      return 'is missing (part of its path is not a folder)';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied)';
    default:
      return `cannot be read (${code ?? 'unknown error'})`;
  }
}

/**
 * A cap in words.
 * @example sizeText(10 * 1024 * 1024) // => '10 MiB (10,485,760 bytes)'
 */
function sizeText(bytes: number): string {
  const exact = `${bytes.toLocaleString('en')} bytes`;
  if (bytes > 0 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB (${exact})`;
  if (bytes > 0 && bytes % 1024 === 0) return `${bytes / 1024} KiB (${exact})`;
  return exact;
}

const tooBig = (maxBytes: number, what: string): FileProblem =>
  new FileProblem(`is larger than ${sizeText(maxBytes)}, the limit for ${what}`);

// O_NOFOLLOW and O_NONBLOCK are POSIX; Windows has neither (and no FIFOs to block on).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * Opens a regular file for reading. Anything else is refused before it is
 * opened (lstat: links, pipes, devices, sockets, folders), and again after
 * (opened without following a link and without blocking, then fstat), so a
 * path swapped in between is refused too. Throws `FileProblem`.
 */
function openRegular(path: string): { fd: number; size: number } {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (err) {
    throw new FileProblem(errnoProblem(err));
  }
  const kind = kindProblem(st);
  if (kind) throw new FileProblem(kind);
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (err) {
    throw new FileProblem(errnoProblem(err));
  }
  try {
    const opened = fstatSync(fd);
    const openedKind = kindProblem(opened);
    if (openedKind) throw new FileProblem(openedKind);
    return { fd, size: opened.size };
  } catch (err) {
    closeSync(fd);
    throw err instanceof FileProblem ? err : new FileProblem(errnoProblem(err));
  }
}

/** Reads from `fd` until the end of the file or until `buf` is full (`size + 1` bytes, to see a file that grew). */
function readInto(fd: number, size: number, limit: number): Buffer {
  let buf = Buffer.allocUnsafe(Math.min(size, limit) + 1);
  let n = 0;
  for (;;) {
    if (n === buf.length) {
      if (n > limit) break;
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, limit + 1));
      buf.copy(bigger, 0, 0, n);
      buf = bigger;
    }
    const got = readSync(fd, buf, n, buf.length - n, null);
    if (got === 0) break;
    n += got;
  }
  return buf.subarray(0, n);
}

/**
 * Reads a regular file of at most `maxBytes` bytes (see `openRegular` for
 * what is refused). Reads at most `maxBytes + 1` bytes, whatever the file
 * claims its size is. Throws `FileProblem` (e.g. "is a symbolic link; …");
 * `what` names the file's role in the size message ("a source").
 */
export function readRegularFile(path: string, maxBytes: number, what: string): Buffer {
  const { fd, size } = openRegular(path);
  try {
    if (size > maxBytes) throw tooBig(maxBytes, what);
    const bytes = readInto(fd, size, maxBytes);
    if (bytes.length > maxBytes) throw tooBig(maxBytes, what);
    return bytes;
  } catch (err) {
    throw err instanceof FileProblem ? err : new FileProblem(errnoProblem(err));
  } finally {
    closeSync(fd);
  }
}

/** The first `n` bytes (or fewer) of a regular file, refused as `readRegularFile` refuses. Throws `FileProblem`. */
export function readHead(path: string, n: number): Buffer {
  const { fd, size } = openRegular(path);
  try {
    return readInto(fd, Math.min(size, n), n - 1);
  } catch (err) {
    throw new FileProblem(errnoProblem(err));
  } finally {
    closeSync(fd);
  }
}

/**
 * What a path is, without following a link: undefined for a regular file,
 * 'missing' when nothing is there, else why it is not read (as `kindProblem`).
 */
export function pathProblem(path: string): string | undefined {
  try {
    return kindProblem(lstatSync(path));
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : errnoProblem(err);
  }
}

/** The names in a folder that is a real folder (not a link to one). Throws `FileProblem`. */
export function readFolder(path: string): string[] {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (err) {
    throw new FileProblem((err as NodeJS.ErrnoException).code === 'ENOENT' ? 'folder is missing' : errnoProblem(err));
  }
  if (st.isSymbolicLink())
    throw new FileProblem('is a symbolic link; it must be a folder inside the content folder, and links are not followed');
  if (!st.isDirectory()) throw new FileProblem('is not a folder');
  try {
    return readdirSync(path);
  } catch (err) {
    throw new FileProblem(errnoProblem(err));
  }
}

/**
 * A file name as it may be shown in a message: control, bidirectional and
 * zero-width characters written as `\u{…}`, so a name cannot rewrite the
 * terminal or reorder the line it is shown in.
 * @example displayName('a\u001b[31m.txt') // => 'a\\u{1b}[31m.txt'
 */
export function displayName(name: string): string {
  return escapeForbidden(name);
}

/** Device names Windows reserves, whatever the extension (`CON.txt`, `nul.tar.gz`). */
const WINDOWS_RESERVED = /^(?:CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])$/iu;
/** Characters Windows does not allow in a file name (besides controls). */
const WINDOWS_INVALID = /[<>:"/\\|?*]/u;
/** The characters a source's file name may hold: what `source.file` in the metadata allows. */
const PORTABLE_NAME = /^[A-Za-z0-9._-]+$/u;

/**
 * Why a file name in `sources/` cannot be checked out on every machine or
 * stored in `sources.tar.gz`: one message per thing wrong, none when it is fine.
 * @example nameProblems('CON.txt') // => ['"CON" is a device name reserved by Windows (with any extension): the file cannot be checked out there; rename it']
 */
export function nameProblems(name: string): string[] {
  const out: string[] = [];
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f]/u.test(name)) out.push('the file name contains a control character; rename it');
  const invalid = WINDOWS_INVALID.exec(name);
  if (invalid) out.push(`the file name contains "${invalid[0]}", which Windows does not allow in file names; rename it`);
  if (/[. ]$/u.test(name)) out.push('the file name ends in a dot or a space, which Windows drops; rename it');
  const device = name.split('.')[0]!.trimEnd();
  if (WINDOWS_RESERVED.test(device)) {
    out.push(`"${device}" is a device name reserved by Windows (with any extension): the file cannot be checked out there; rename it`);
  }
  if (out.length === 0 && !PORTABLE_NAME.test(name)) {
    out.push('the file name may hold only the letters A–Z and a–z, digits, ".", "_" and "-" (as source.file requires); rename it');
  }
  const base = name.replace(/\.(?:txt|yaml|lock\.json)$/u, '');
  if (base === '') out.push('the file has no name before its extension');
  const bytes = Buffer.byteLength(base);
  if (bytes > MAX_SOURCE_NAME_BYTES) {
    out.push(
      `the name before .txt/.yaml is ${bytes} bytes long; at most ${MAX_SOURCE_NAME_BYTES} (sources.tar.gz stores sources/<name>.yaml, and a tar name holds 100 bytes)`,
    );
  }
  return out;
}

/**
 * Names in one folder that differ only in case (`A.txt`, `a.txt`): macOS and
 * Windows cannot hold both. Each such name → the others it collides with.
 * @example caseCollisions(['A.txt', 'a.txt', 'b.txt']) // => Map { 'A.txt' => ['a.txt'], 'a.txt' => ['A.txt'] }
 */
export function caseCollisions(names: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const n of names) {
    const key = n.normalize('NFC').toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  const out = new Map<string, string[]>();
  for (const group of groups.values()) {
    if (group.length > 1)
      for (const n of group)
        out.set(
          n,
          group.filter((o) => o !== n),
        );
  }
  return out;
}
