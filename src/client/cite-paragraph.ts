/**
 * One-click ¶ citations: beside every paragraph of a statement, "Copy link"
 * (its address, with its id) and "Cite ¶n" (a dialog with its plain-text
 * citation: ¶n, the edition, the URL with the id, and today as the access
 * date, and a button to copy it). The parts of the citation come from the
 * cite box (`#cite-data`), which the build writes with the same functions
 * (src/edition/cite-text.ts). Copies are plain text: no styles go along.
 * On desktop the buttons show on hover and keyboard focus; on phones they are
 * always there, at least 24 px high (CSS in the statement page).
 */
import { accessDate, assembleCitation, type CitationParts } from '../edition/cite-text.ts';
import { el } from './dom.ts';

/** Copies text; false when the browser will not. */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function setUpParagraphCitations(): void {
  const data = document.getElementById('cite-data');
  const blocks = document.querySelectorAll<HTMLElement>('.text [data-block][id]');
  if (!data || blocks.length === 0) return;
  const parts: CitationParts = {
    lead: data.dataset['lead'] ?? '',
    publisher: data.dataset['publisher'] ?? '',
    url: data.dataset['url'] ?? location.href.split('#')[0]!,
  };
  const status = el('p', { className: 'sr-only', role: 'status' });
  document.body.append(status);
  const say = (text: string) => {
    status.textContent = '';
    setTimeout(() => (status.textContent = text), 50);
  };

  const citation = el('p', { className: 'citation', id: 'cite-dialog-text' });
  const copyButton = el('button', { type: 'button', className: 'button' }, 'Copy citation');
  const closeButton = el('button', { type: 'button', className: 'button secondary' }, 'Close');
  const heading = el('h2', { id: 'cite-dialog-title' });
  const dialog = el(
    'dialog',
    { className: 'cite-dialog' },
    heading,
    citation,
    el('p', { className: 'actions' }, copyButton, ' ', closeButton),
  );
  dialog.setAttribute('aria-labelledby', 'cite-dialog-title');
  dialog.setAttribute('aria-describedby', 'cite-dialog-text');
  document.body.append(dialog);
  closeButton.addEventListener('click', () => dialog.close());
  copyButton.addEventListener('click', async () => {
    const ok = await copy(citation.textContent ?? '');
    copyButton.textContent = ok ? 'Copied' : 'Copy failed: select the text instead';
    setTimeout(() => (copyButton.textContent = 'Copy citation'), 2000);
  });

  for (const block of blocks) {
    const n = Number(block.dataset['block']);
    const id = block.id;
    const link = el('button', { type: 'button', className: 'tool' }, 'Copy link');
    const cite = el('button', { type: 'button', className: 'tool' }, `Cite ¶${n}`);
    link.addEventListener('click', async () => {
      const url = `${parts.url}#${id}`;
      say((await copy(url)) ? `Link to ¶${n} copied: ${url}` : `Could not copy; the link to ¶${n} is ${url}`);
    });
    cite.addEventListener('click', () => {
      heading.textContent = `Cite ¶${n}`;
      citation.textContent = assembleCitation(parts, { n, id }, accessDate(new Date()));
      copyButton.textContent = 'Copy citation';
      dialog.showModal();
      copyButton.focus();
    });
    const tools = el('span', { className: 'block-tools' }, link, cite);
    tools.dataset['pagefindIgnore'] = '';
    block.append(tools);
  }
}
