/**
 * Astro integration: how the statements' Markdown is rendered. The edition's
 * text must render exactly as written: no smart quotes or dashes
 * (SmartyPants), no GFM autolinks or strikethrough that the normalizer's
 * CommonMark escaping does not guard against, no syntax highlighting. Raw HTML
 * becomes visible text (remark-inert-html); the block markers `{#p-7}` become
 * ids (remark-block-ids) and visible ¶ links (rehype-block-links); retired
 * ids become notes where old links to them land (rehype-retired-ids).
 *
 * rehype-slug is not among the plugins: every heading of a statement is a
 * numbered block whose id is its ¶ id (`#p-3`), which citations, search hits
 * and the TEI use; a second, slug-based id would give one heading two anchors
 * (or take its ¶ anchor away), and the site's own pages write their heading
 * ids by hand.
 */
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import rehypeBlockLinks from '../markdown/rehype-block-links.ts';
import rehypeRetiredIds from '../markdown/rehype-retired-ids.ts';
import remarkBlockIds from '../markdown/remark-block-ids.ts';
import remarkInertHtml from '../markdown/remark-inert-html.ts';

export default function editionMarkdown(): AstroIntegration {
  return {
    name: 'edition-markdown',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          markdown: {
            processor: unified({
              gfm: false,
              smartypants: false,
              remarkPlugins: [remarkInertHtml, remarkBlockIds],
              rehypePlugins: [rehypeBlockLinks, rehypeRetiredIds],
            }),
            syntaxHighlight: false,
          },
        });
      },
    },
  };
}
