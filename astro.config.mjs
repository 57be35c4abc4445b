// @ts-check
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import rehypeSlug from 'rehype-slug';
import rehypeBlockLinks from './src/lib/rehype-block-links.ts';
import remarkBlockIds from './src/lib/remark-block-ids.ts';
import remarkInertHtml from './src/lib/remark-inert-html.ts';

export default defineConfig({
  // The deployed address; canonical links and the sitemap use it.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  integrations: [sitemap({ filter: (page) => !page.endsWith('/404/') })],
  markdown: {
    // The edition's text must render exactly as written: no smart quotes or
    // dashes (SmartyPants), no GFM autolinks or strikethrough that the
    // normalizer's CommonMark escaping does not guard against.
    processor: unified({
      gfm: false,
      smartypants: false,
      remarkPlugins: [remarkInertHtml, remarkBlockIds],
      rehypePlugins: [rehypeSlug, rehypeBlockLinks],
    }),
    syntaxHighlight: false,
  },
});
