/**
 * `content/edition.yaml` (who stands behind the edition): its schema, with the
 * exact message for each kind of bad input (naming the file and the field),
 * and the rule that makes the About page's "Report an error" link.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPublication } from '../../src/site/editions.ts';
import { type Publication, orcidValid, reportLink } from '../../src/site/publication.ts';
import { CONTENT, LIVE_CONTENT } from '../helpers/content.ts';

const dir = mkdtempSync(join(tmpdir(), 'edition-yaml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The empty file as committed: every field not yet given. */
const EMPTY = ['publisher: null', 'editors: []', 'contact: null', 'repository: null', 'issues: null', 'licence: CC-BY-4.0'];

let n = 0;
/** Writes an edition.yaml with `lines` and reads it; returns the value or the error's message. */
function read(lines: string[]): Publication | string {
  const path = join(dir, `${n++}.yaml`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  try {
    return readPublication(path);
  } catch (error) {
    return (error as Error).message.replace(path, 'edition.yaml');
  }
}
/** EMPTY with one field's line replaced (or added) by `line`. */
const withField = (line: string): string[] => [...EMPTY.filter((l) => l.split(':')[0] !== line.split(':')[0]), line];

describe('content/edition.yaml', () => {
  it('the live file is valid (its fields may still be empty)', () => {
    expect(readPublication(join(LIVE_CONTENT, 'edition.yaml')).licence).toBe('CC-BY-4.0');
  });

  it('the fixture’s file gives fixture values, each an example.org address or marked as a fixture', () => {
    expect(readPublication(join(CONTENT, 'edition.yaml'))).toEqual({
      publisher: 'Example Publisher (test fixture)',
      editors: [
        { name: 'Fixture Editor One', affiliation: null, orcid: null },
        { name: 'Fixture Editor Two', affiliation: 'Example University (test fixture)', orcid: '0000-0002-1825-0097' },
      ],
      contact: { kind: 'email', value: 'fixture-editors@example.org' },
      repository: 'https://git.example.org/fixture/migration-statements',
      issues: null,
      licence: 'CC-BY-4.0',
    });
  });

  it('reads empty fields as not given, never as a value', () => {
    expect(read(EMPTY)).toEqual({ publisher: null, editors: [], contact: null, repository: null, issues: null, licence: 'CC-BY-4.0' });
  });

  it('reads an editor given as a name, and an ORCID iD given as its URL', () => {
    const p = read(withField('editors: [A. Editor, { name: B. Editor, orcid: "https://orcid.org/0000-0002-1825-0097" }]'));
    expect(typeof p === 'string' ? p : p.editors).toEqual([
      { name: 'A. Editor', affiliation: null, orcid: null },
      { name: 'B. Editor', affiliation: null, orcid: '0000-0002-1825-0097' },
    ]);
  });

  it('reads a contact as an e-mail address or a contact page', () => {
    expect((read(withField('contact: editors@example.org')) as Publication).contact).toEqual({
      kind: 'email',
      value: 'editors@example.org',
    });
    expect((read(withField('contact: https://example.org/contact')) as Publication).contact).toEqual({
      kind: 'url',
      value: 'https://example.org/contact',
    });
  });

  it.each([
    ['publisher: ""', 'edition.yaml: publisher: must not be empty'],
    [
      'editors: [{ name: A. Editor, orcid: 0000-0002-1825-0098 }]',
      'edition.yaml: editors.0.orcid: must be an ORCID iD such as 0000-0002-1825-0097 (16 digits in groups of four, the last a valid check digit or X)',
    ],
    ['editors: [{ name: A. Editor, email: a@example.org }]', 'edition.yaml: editors.0: Unrecognized key: "email"'],
    [
      'contact: the editors',
      'edition.yaml: contact: must be an e-mail address (editors@example.org) or an http:// or https:// URL of a contact page',
    ],
    [
      'contact: mailto:editors@example.org',
      'edition.yaml: contact: must be an e-mail address (editors@example.org) or an http:// or https:// URL of a contact page',
    ],
    ['repository: javascript:alert(1)', 'edition.yaml: repository: must be an absolute http:// or https:// URL'],
    ['repository: https://user:secret@example.org/repo', 'edition.yaml: repository: must not contain a user name or password (…@)'],
    [
      'licence: MIT',
      'edition.yaml: licence: must be CC-BY-4.0, the licence stated in src/site/site.ts (LICENCE), which every page, file and export takes; to change the licence, change it there and in CITATION.cff',
    ],
    ['publsher: Example', 'edition.yaml: (top level): Unrecognized key: "publsher"'],
  ])('refuses %s, naming the file and the field', (line, message) => {
    expect(read(withField(line))).toBe(message);
  });

  it('refuses a file without a field, naming the field', () => {
    expect(read(EMPTY.filter((l) => !l.startsWith('repository:')))).toBe(
      'edition.yaml: repository: Invalid input: expected string, received undefined',
    );
  });

  it('refuses a missing file, saying what it is for', () => {
    expect(() => readPublication(join(dir, 'none.yaml'))).toThrow(
      `${join(dir, 'none.yaml')}: missing; it says who publishes and edits the edition (leave a field null when it is not known yet)`,
    );
  });

  it.each([
    ['0000-0002-1825-0097', true],
    ['0000-0001-5109-3700', true],
    ['0000-0002-1694-233X', true],
    ['0000-0002-1825-0098', false],
    ['0000000218250097', false],
  ])('checks the ORCID iD %s: valid %s', (id, valid) => {
    expect(orcidValid(id)).toBe(valid);
  });
});

describe('reportLink: where "Report an error" leads', () => {
  const page = { title: 'About the edition', url: 'https://example.org/about/' };
  const none = { repository: null, issues: null, contact: null };
  const email = { kind: 'email', value: 'editors@example.org' } as const;

  it('opens a new issue in a GitHub, GitLab or Codeberg repository, titled with the page', () => {
    const title = 'Error%20on%20%E2%80%9CAbout%20the%20edition%E2%80%9D';
    expect(reportLink({ ...none, repository: 'https://github.com/example/statements' }, page)).toEqual({
      href: `https://github.com/example/statements/issues/new?title=${title}`,
      via: 'issues',
    });
    expect(reportLink({ ...none, repository: 'https://github.com/example/statements.git/', contact: email }, page)?.href).toBe(
      `https://github.com/example/statements/issues/new?title=${title}`,
    );
    expect(reportLink({ ...none, repository: 'https://gitlab.com/group/sub/statements' }, page)?.href).toBe(
      `https://gitlab.com/group/sub/statements/-/issues/new?issue%5Btitle%5D=${title}`,
    );
    expect(reportLink({ ...none, repository: 'https://codeberg.org/example/statements' }, page)?.href).toBe(
      `https://codeberg.org/example/statements/issues/new?title=${title}`,
    );
  });

  it('uses the issues page given, whatever the repository', () => {
    expect(
      reportLink(
        { repository: 'https://git.example.org/statements', issues: 'https://git.example.org/statements/issues/new', contact: email },
        page,
      ),
    ).toEqual({
      href: 'https://git.example.org/statements/issues/new',
      via: 'issues',
    });
  });

  it('writes an e-mail to the contact, its subject naming the page and its body the URL, when no issue tracker is known', () => {
    const expected = {
      href: 'mailto:editors@example.org?subject=Error%20on%20%E2%80%9CAbout%20the%20edition%E2%80%9D&body=Page%3A%20https%3A%2F%2Fexample.org%2Fabout%2F%0A%0A',
      via: 'email',
    };
    expect(reportLink({ ...none, contact: email }, page)).toEqual(expected);
    // A repository elsewhere, with no issues page given: its tracker is unknown, so the e-mail.
    expect(reportLink({ ...none, repository: 'https://git.example.org/statements', contact: email }, page)).toEqual(expected);
    // A host alone names no repository.
    expect(reportLink({ ...none, repository: 'https://github.com/', contact: email }, page)?.via).toBe('email');
  });

  it('opens the contact page when the contact is one', () => {
    expect(reportLink({ ...none, contact: { kind: 'url', value: 'https://example.org/contact' } }, page)).toEqual({
      href: 'https://example.org/contact',
      via: 'contact-page',
    });
  });

  it('gives no link when neither a repository with a known tracker nor a contact is given', () => {
    expect(reportLink(none, page)).toBeNull();
    expect(reportLink({ ...none, repository: 'https://git.example.org/statements' }, page)).toBeNull();
  });
});
