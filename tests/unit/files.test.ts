/**
 * Reading the content folder safely (scripts/normalize/io/files.ts): only
 * regular files, refused by name before anything is read, read no further
 * than a cap; file names every machine can check out and the source archive
 * can hold.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  caseCollisions,
  displayName,
  FileProblem,
  MAX_SOURCE_BYTES,
  MAX_SOURCE_NAME_BYTES,
  MAX_STATEMENT_BYTES,
  MAX_YAML_BYTES,
  nameProblems,
  pathProblem,
  readFolder,
  readHead,
  readRegularFile,
} from '../../scripts/normalize/io/files.ts';
import { tarArchive } from '../../src/downloads/tar.ts';
import { tempFolders } from '../helpers/content.ts';

/** A fresh folder for one test. */
const folder = tempFolders('files-test-', afterAll);

/** The message `readRegularFile` refuses `path` with (fails when it reads it). */
function refusal(path: string, max = 100): string {
  try {
    readRegularFile(path, max, 'a test file');
  } catch (err) {
    expect(err).toBeInstanceOf(FileProblem);
    return (err as FileProblem).message;
  }
  throw new Error(`${path} was read`);
}

describe('the caps', () => {
  it('are 10 MiB for a source, 1 MiB for a YAML file, 87 bytes for a source name', () => {
    expect(MAX_SOURCE_BYTES).toBe(10 * 1024 * 1024);
    expect(MAX_YAML_BYTES).toBe(1024 * 1024);
    expect(MAX_SOURCE_NAME_BYTES).toBe(87);
    expect(MAX_STATEMENT_BYTES).toBeGreaterThan(MAX_SOURCE_BYTES);
  });

  it('the source-name cap is exactly what the tar writer of sources.tar.gz can store', () => {
    const name = (len: number) => `sources/${'n'.repeat(len)}.yaml`;
    expect(() => tarArchive([[name(MAX_SOURCE_NAME_BYTES), new Uint8Array(1)]])).not.toThrow();
    expect(() => tarArchive([[name(MAX_SOURCE_NAME_BYTES + 1), new Uint8Array(1)]])).toThrow(/longer than 100 bytes/u);
  });
});

describe('readRegularFile', () => {
  it('reads a regular file, up to and including the cap', () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.txt'), 'x'.repeat(100));
    expect(readRegularFile(join(dir, 'a.txt'), 100, 'a test file').toString()).toBe('x'.repeat(100));
    writeFileSync(join(dir, 'empty.txt'), '');
    expect(readRegularFile(join(dir, 'empty.txt'), 100, 'a test file').length).toBe(0);
  });

  it('refuses a file over the cap, naming the cap', () => {
    const dir = folder();
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(101));
    expect(refusal(join(dir, 'big.txt'))).toBe('is larger than 100 bytes, the limit for a test file');
    writeFileSync(join(dir, 'big.yaml'), 'x'.repeat(MAX_YAML_BYTES + 1));
    expect(() => readRegularFile(join(dir, 'big.yaml'), MAX_YAML_BYTES, 'a YAML file')).toThrow(
      'is larger than 1 MiB (1,048,576 bytes), the limit for a YAML file',
    );
  });

  it('refuses links, whatever they point to, without reading the target', () => {
    const dir = folder();
    writeFileSync(join(dir, 'inside.txt'), 'text');
    symlinkSync('inside.txt', join(dir, 'to-inside.txt'));
    symlinkSync('/etc/passwd', join(dir, 'to-passwd.txt'));
    symlinkSync('/dev/zero', join(dir, 'to-zero.txt'));
    symlinkSync('nowhere.txt', join(dir, 'dangling.txt'));
    for (const name of ['to-inside.txt', 'to-passwd.txt', 'to-zero.txt', 'dangling.txt']) {
      expect(refusal(join(dir, name))).toMatch(/^is a symbolic link; only regular files inside the content folder are read/u);
    }
  });

  it('refuses a named pipe at once, without blocking on it', () => {
    const dir = folder();
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    const started = performance.now();
    expect(refusal(join(dir, 'pipe.txt'))).toBe('is a named pipe (FIFO), not a regular file');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a folder, a device, a missing file and a name too long for the disk', () => {
    const dir = folder();
    mkdirSync(join(dir, 'folder.txt'));
    expect(refusal(join(dir, 'folder.txt'))).toBe('is a folder, not a regular file');
    expect(refusal('/dev/null')).toBe('is a device, not a regular file');
    expect(refusal(join(dir, 'missing.txt'))).toBe('is missing');
    expect(refusal(join(dir, `${'x'.repeat(300)}.txt`))).toBe('has a name too long for the file system');
  });
});

describe('readHead, pathProblem and readFolder', () => {
  it('readHead reads at most n bytes of a regular file and refuses what readRegularFile refuses', () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.md'), '---\nid: a\n---\n');
    expect(readHead(join(dir, 'a.md'), 4).toString()).toBe('---\n');
    expect(readHead(join(dir, 'a.md'), 1000).toString()).toBe('---\nid: a\n---\n');
    execFileSync('mkfifo', [join(dir, 'p.md')]);
    expect(() => readHead(join(dir, 'p.md'), 4)).toThrow('is a named pipe (FIFO), not a regular file');
  });

  it('pathProblem names what a path is, without following links', () => {
    const dir = folder();
    writeFileSync(join(dir, 'a'), '');
    symlinkSync('a', join(dir, 'l'));
    expect(pathProblem(join(dir, 'a'))).toBeUndefined();
    expect(pathProblem(join(dir, 'l'))).toMatch(/^is a symbolic link/u);
    expect(pathProblem(join(dir, 'none'))).toBe('missing');
  });

  it('readFolder lists a real folder and refuses a link to one, a file and a missing folder', () => {
    const dir = folder();
    mkdirSync(join(dir, 'sources'));
    writeFileSync(join(dir, 'sources', 'a.txt'), '');
    symlinkSync('/etc', join(dir, 'linked'));
    writeFileSync(join(dir, 'file'), '');
    expect(readFolder(join(dir, 'sources'))).toEqual(['a.txt']);
    expect(() => readFolder(join(dir, 'linked'))).toThrow(/^is a symbolic link; it must be a folder inside the content folder/u);
    expect(() => readFolder(join(dir, 'file'))).toThrow('is not a folder');
    expect(() => readFolder(join(dir, 'none'))).toThrow('folder is missing');
  });
});

describe('file names', () => {
  it('accepts the names sources have', () => {
    for (const name of ['000_ce5e4365aebd8e0f.txt', '000_ce5e4365aebd8e0f.yaml', 'a-b.c_d.txt', `${'n'.repeat(87)}.yaml`]) {
      expect(nameProblems(name), name).toEqual([]);
    }
  });

  it('refuses Windows device names, with any extension and in any case', () => {
    for (const name of [
      'CON.txt',
      'con.yaml',
      'PRN.txt',
      'AUX.txt',
      'NUL.txt',
      'nul.2015.draft.txt',
      'COM1.txt',
      'com9.yaml',
      'LPT1.txt',
      'lpt9.txt',
    ]) {
      expect(nameProblems(name).join('\n'), name).toMatch(/is a device name reserved by Windows \(with any extension\)/u);
    }
    for (const name of ['CONSOLE.txt', 'nully.txt', 'COM10.txt', 'xcon.txt']) expect(nameProblems(name), name).toEqual([]);
  });

  it('refuses characters Windows does not allow, controls, and a trailing dot or space', () => {
    for (const c of ['<', '>', ':', '"', '\\', '|', '?', '*']) {
      expect(nameProblems(`a${c}b.txt`).join('\n'), c).toContain(
        `the file name contains "${c}", which Windows does not allow in file names`,
      );
    }
    expect(nameProblems('a\u0007b.txt').join('\n')).toContain('the file name contains a control character');
    expect(nameProblems('a.txt.').join('\n')).toContain('the file name ends in a dot or a space, which Windows drops');
    expect(nameProblems('a.txt ').join('\n')).toContain('the file name ends in a dot or a space');
  });

  it('refuses anything source.file could not name: spaces, non-ASCII letters', () => {
    for (const name of ['a b.txt', 'café.txt', 'ＡＢ.txt', 'a\u200Bb.txt']) {
      expect(nameProblems(name).join('\n'), name).toMatch(/may hold only the letters A–Z and a–z, digits, "\.", "_" and "-"/u);
    }
  });

  it('refuses a base name longer than 87 bytes, and an empty one', () => {
    expect(nameProblems(`${'n'.repeat(88)}.txt`)).toEqual([
      'the name before .txt/.yaml is 88 bytes long; at most 87 (sources.tar.gz stores sources/<name>.yaml, and a tar name holds 100 bytes)',
    ]);
    expect(nameProblems('.txt')).toContain('the file has no name before its extension');
  });

  it('finds names that differ only in case', () => {
    expect(caseCollisions(['A.txt', 'a.txt', 'b.txt', 'B.yaml', 'b.yaml'])).toEqual(
      new Map([
        ['A.txt', ['a.txt']],
        ['a.txt', ['A.txt']],
        ['B.yaml', ['b.yaml']],
        ['b.yaml', ['B.yaml']],
      ]),
    );
    expect(caseCollisions(['a.txt', 'a.yaml'])).toEqual(new Map());
  });

  it('shows a name with its control and bidi characters escaped', () => {
    expect(displayName('a\u001b[31m.txt')).toBe('a\\u{1b}[31m.txt');
    expect(displayName('x\u202Etxt.exe')).toBe('x\\u{202e}txt.exe');
    expect(displayName('plain.txt')).toBe('plain.txt');
  });
});
