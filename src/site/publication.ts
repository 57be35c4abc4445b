/**
 * Who stands behind the edition: `content/edition.yaml`, which the owner
 * fills in — the publisher, the editors, a contact, the repository and the
 * licence — validated here and shown on the About page. Nothing here is ever
 * filled in by the code: a field left empty (null, or an empty list of
 * editors) is shown as "Not yet given".
 *
 * The licence is stated once, in `LICENCE` (site.ts); edition.yaml names it by
 * its SPDX id, which must be that one, so the file cannot claim another.
 */
import { z } from 'zod';
import { httpUrl, lineText, textProblem, urlProblem } from '../edition/schemas/primitives.ts';
import { LICENCE } from './site.ts';

/**
 * Whether `id` is an ORCID iD with a valid check digit (ISO 7064 MOD 11-2).
 * @example orcidValid('0000-0002-1825-0097') // => true
 * @example orcidValid('0000-0002-1825-0098') // => false
 */
export function orcidValid(id: string): boolean {
  if (!/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/u.test(id)) return false;
  const digits = id.replace(/-/gu, '');
  let total = 0;
  for (const d of digits.slice(0, -1)) total = (total + Number(d)) * 2;
  const check = (12 - (total % 11)) % 11;
  return digits.at(-1) === (check === 10 ? 'X' : String(check));
}

/** An ORCID iD, written bare (`0000-0002-1825-0097`) or as its URL (`https://orcid.org/0000-0002-1825-0097`); kept bare. */
const orcid = z
  .string()
  .trim()
  .transform((s) => s.replace(/^https?:\/\/orcid\.org\//u, ''))
  .refine(orcidValid, 'must be an ORCID iD such as 0000-0002-1825-0097 (16 digits in groups of four, the last a valid check digit or X)');

/** An editor: a name, or a name with an affiliation and an ORCID iD. */
const editor = z.preprocess(
  (v) => (typeof v === 'string' ? { name: v } : v),
  z
    .object({
      /** The name as it is to be cited. */
      name: lineText,
      /** Where the editor works, or null. */
      affiliation: lineText.nullable().default(null),
      /** The editor's ORCID iD, or null. */
      orcid: orcid.nullable().default(null),
    })
    .strict(),
);
export type Editor = z.output<typeof editor>;

/** A plain e-mail address: something@host.tld, without spaces, brackets, quotes or a second @. */
const EMAIL = /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\]+\.[^\s@<>()[\]",;:\\.]+$/u;

/** How to reach the editors: an e-mail address or the URL of a contact page. */
const contact = z
  .string()
  .trim()
  .transform((s, ctx): { kind: 'email' | 'url'; value: string } => {
    const chars = textProblem(s, { multiline: false });
    if (chars) ctx.addIssue({ code: 'custom', message: chars });
    else if (!s.includes('://') && EMAIL.test(s)) return { kind: 'email', value: s };
    else if (s.includes('://') && urlProblem(s) === null) return { kind: 'url', value: s };
    else
      ctx.addIssue({
        code: 'custom',
        message: 'must be an e-mail address (editors@example.org) or an http:// or https:// URL of a contact page',
      });
    return z.NEVER;
  });
export type Contact = z.output<typeof contact>;

/** `content/edition.yaml`: who publishes and edits the edition, how to reach them, where its files are, and its licence. */
export const publicationSchema = z
  .object({
    /** The publisher's name (a person, project or institution), or null while not given. */
    publisher: lineText.nullable(),
    /** The editors, in the order they are to be cited; empty while not given. */
    editors: z.array(editor),
    /** An e-mail address or a contact page's URL, or null while not given. */
    contact: contact.nullable(),
    /** The repository that holds the edition's sources and code (http(s) URL), or null while not given. */
    repository: httpUrl.nullable(),
    /**
     * Where readers report an error (http(s) URL), when the repository is not on
     * GitHub, GitLab or Codeberg (whose new-issue pages are known); else null.
     */
    issues: httpUrl.nullable().default(null),
    /** The SPDX id of the licence of the edition's data and apparatus: the one `LICENCE` in src/site/site.ts states. */
    licence: z.string().refine((s) => s === LICENCE.spdx, {
      message: `must be ${LICENCE.spdx}, the licence stated in src/site/site.ts (LICENCE), which every page, file and export takes; to change the licence, change it there and in CITATION.cff`,
    }),
  })
  .strict();
export type Publication = z.output<typeof publicationSchema>;

/** A repository's page for a new issue, when its host's is known; else null. */
function newIssueUrl(repository: string, title: string): string | null {
  const u = new URL(repository);
  const base = `${u.origin}${u.pathname.replace(/\/+$/u, '').replace(/\.git$/u, '')}`;
  if (base === u.origin) return null; // the host alone names no repository
  const q = encodeURIComponent(title);
  if (u.hostname === 'github.com' || u.hostname === 'codeberg.org') return `${base}/issues/new?title=${q}`;
  if (u.hostname === 'gitlab.com') return `${base}/-/issues/new?issue%5Btitle%5D=${q}`;
  return null;
}

/** Where "Report an error" leads, and how. */
export interface ReportLink {
  href: string;
  /** `issues`: the repository's issue tracker; `email`: a message to the contact address; `contact-page`: the contact page. */
  via: 'issues' | 'email' | 'contact-page';
}

/**
 * The "Report an error" link for a page: the configured issues page, else
 * the repository's new-issue page (GitHub, GitLab, Codeberg), with a title
 * naming the page; else an e-mail to the contact with a subject naming the
 * page and its URL in the body; else the contact page; else null (no address
 * has been given: no link at all).
 * @example reportLink({ repository: 'https://github.com/example/statements', issues: null, contact: null }, { title: 'About the edition', url: 'https://example.org/about/' })
 * // => { href: 'https://github.com/example/statements/issues/new?title=Error%20on%20%E2%80%9CAbout%20the%20edition%E2%80%9D', via: 'issues' }
 * @example reportLink({ repository: null, issues: null, contact: { kind: 'email', value: 'editors@example.org' } }, { title: 'About the edition', url: 'https://example.org/about/' }).href
 * // => 'mailto:editors@example.org?subject=Error%20on%20%E2%80%9CAbout%20the%20edition%E2%80%9D&body=Page%3A%20https%3A%2F%2Fexample.org%2Fabout%2F%0A%0A'
 */
export function reportLink(
  publication: Pick<Publication, 'repository' | 'issues' | 'contact'>,
  page: { title: string; url: string },
): ReportLink | null {
  const title = `Error on “${page.title}”`;
  if (publication.issues !== null) return { href: publication.issues, via: 'issues' };
  const issues = publication.repository === null ? null : newIssueUrl(publication.repository, title);
  if (issues !== null) return { href: issues, via: 'issues' };
  const c = publication.contact;
  if (c?.kind === 'email') {
    const body = `Page: ${page.url}\n\n`;
    return { href: `mailto:${c.value}?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`, via: 'email' };
  }
  if (c?.kind === 'url') return { href: c.value, via: 'contact-page' };
  return null;
}
