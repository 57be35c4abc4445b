/**
 * Accessibility of every page of the built site, in Chromium, run after
 * `astro build`: axe-core's WCAG 2.2 AA and best-practice rules in the light
 * and the dark color scheme, at a desktop and a phone width, and the skip
 * link for keyboard users.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXE_TAGS } from './axe.ts';
import { DIST, launchChromium, open, pagesFromSitemap, statementPaths } from '../../scripts/dev/chromium.ts';
import { startServer } from '../../scripts/dev/serve.ts';
import type { StaticServer } from '../../scripts/dev/serve.ts';

const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
/** Desktop and phone: the phone layout (one-row header, menu, stacked tables) is checked too. */
const WIDTHS = { desktop: { width: 1280, height: 720 }, phone: { width: 375, height: 667 } } as const;
type Width = keyof typeof WIDTHS;
const VIEWS = SCHEMES.flatMap((scheme) => (Object.keys(WIDTHS) as Width[]).map((width) => ({ scheme, width })));
const viewKey = (v: { scheme: Scheme; width: Width }) => `${v.scheme} ${v.width}`;
type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

const pages = pagesFromSitemap(DIST);
const firstStatement = statementPaths(pages)[0];

let server: StaticServer;
let browser: Browser;
const contexts = new Map<Scheme, BrowserContext>();
/**
 * One tab per color scheme, reused from page to page: a tab that stays on the
 * site keeps its renderer, which compiles axe-core's source once instead of
 * for every page (about 0.3 s a page on two cores).
 */
const tabs = new Map<string, Page>();

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(DIST), launchChromium()]);
  for (const colorScheme of SCHEMES) {
    const context = await browser.newContext({ colorScheme });
    contexts.set(colorScheme, context);
    for (const width of Object.keys(WIDTHS) as Width[]) {
      const tab = await context.newPage();
      await tab.setViewportSize(WIDTHS[width]);
      tabs.set(viewKey({ scheme: colorScheme, width }), tab);
    }
  }
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function targets(node: AxeResults['violations'][number]['nodes'][number]): string {
  return node.target.map((t) => (typeof t === 'string' ? t : Array.isArray(t) ? t.join(' >>> ') : JSON.stringify(t))).join(' → ');
}

/** One paragraph per violated rule: what, how bad, where (first few elements), and why (first element). */
function describeViolations(path: string, view: string, violations: AxeResults['violations']): string {
  const lines = [`${path} (${view}) has ${violations.length} accessibility violation(s):`];
  for (const v of violations) {
    lines.push(`- ${v.id} [${v.impact ?? 'unknown impact'}]: ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes.slice(0, 3)) lines.push(`    at ${targets(node)}`);
    if (v.nodes.length > 3) lines.push(`    …and ${v.nodes.length - 3} more element(s)`);
    const why = v.nodes[0]?.failureSummary?.replace(/\s*\n\s*/gu, ' ').trim();
    if (why) lines.push(`    ${why}`);
  }
  return lines.join('\n');
}

/** The page's axe violations in one color scheme, described; '' when there are none. */
async function audit(path: string, view: string): Promise<string> {
  const page = tabs.get(view)!;
  await open(page, server.url, path);
  // Legacy mode runs axe inside the page instead of finishing the run in a
  // second, blank page: faster, and the site has no iframes, which are all that
  // the default mode handles better.
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
  return violations.length === 0 ? '' : describeViolations(path, view, violations);
}

it.each(pages)(
  '%s has no accessibility violations in the light or the dark color scheme, at 1280 or 375 px',
  async (path) => {
    // The views run side by side, in their own tabs.
    const reports = (await Promise.all(VIEWS.map((v) => audit(path, viewKey(v))))).filter((r) => r !== '');
    expect(reports.length, reports.join('\n\n')).toBe(0);
  },
  30_000,
);

describe('keyboard', () => {
  it('on a statement page, the first Tab focuses a visible skip link, and Enter moves to the main content', async () => {
    expect(firstStatement, 'no /statements/<id>/ page in the sitemap').toBeDefined();
    const path = firstStatement!;
    const page = await contexts.get('light')!.newPage();
    try {
      await open(page, server.url, path);
      await page.keyboard.press('Tab');

      const skip = await page.evaluate(() => {
        const el = document.activeElement;
        const href = el instanceof HTMLAnchorElement ? el.getAttribute('href') : null;
        const target = href?.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
        const box = el?.getBoundingClientRect();
        return {
          focused: el === null || el === document.body ? '(nothing)' : el.outerHTML.slice(0, 120),
          text: el instanceof HTMLElement ? el.innerText.trim() : '',
          pointsToMain: target !== null && target === document.querySelector('main'),
          onScreen:
            box !== undefined &&
            box.width > 0 &&
            box.height > 0 &&
            box.right > 0 &&
            box.bottom > 0 &&
            box.left < innerWidth &&
            box.top < innerHeight,
        };
      });
      expect(skip.pointsToMain, `the first Tab focused ${skip.focused}, not a link to <main>`).toBe(true);
      expect(skip.text, 'the skip link has no visible text').not.toBe('');
      expect(skip.onScreen, 'the focused skip link is not visible on screen').toBe(true);

      await page.keyboard.press('Enter');
      const after = await page.evaluate(() => {
        const main = document.querySelector('main')!;
        const box = main.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + 4, Math.max(box.top, 0) + 4);
        return {
          targeted: main.matches(':target'),
          inView: box.top >= -1 && box.top < innerHeight,
          uncovered: hit !== null && main.contains(hit),
          focusInMain: main.contains(document.activeElement),
        };
      });
      expect(after.targeted, '<main> is not the :target after activating the skip link').toBe(true);
      expect(after.inView, 'the top of <main> is not in the viewport after activating the skip link').toBe(true);
      expect(after.uncovered, 'the top of <main> is covered by another element after activating the skip link').toBe(true);

      // Focus moves to <main> itself (tabindex="-1"), or, where <main> cannot take
      // focus, the next Tab continues from it: it reaches the first focusable
      // element in <main>, or, when <main> has none, anything but the header and
      // navigation that the skip link was there to skip.
      if (!after.focusInMain) await page.keyboard.press('Tab');
      const next = await page.evaluate(() => {
        const main = document.querySelector('main')!;
        const el = document.activeElement;
        const tabbable = [
          ...main.querySelectorAll<HTMLElement>(
            'a[href], area[href], button, input, select, textarea, summary, iframe, [contenteditable], [tabindex]',
          ),
        ].some((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.checkVisibility());
        const skipLink = document.querySelector(`a[href="#${CSS.escape(main.id)}"]`);
        const beforeMain =
          el !== null && el !== document.body && (el.compareDocumentPosition(main) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
        return {
          focused: el === null || el === document.body ? '(nothing)' : el.outerHTML.slice(0, 120),
          ok: main.contains(el) || (!tabbable && (!beforeMain || el === skipLink)),
        };
      });
      expect(next.ok, `after the skip link, the next Tab focused ${next.focused}, outside <main>`).toBe(true);
    } finally {
      await page.close();
    }
  }, 30_000);
});
