// @ts-check
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import rehypeSlug from 'rehype-slug';
import pagefind from './src/integrations/pagefind.ts';
import rehypeBlockLinks from './src/markdown/rehype-block-links.ts';
import remarkBlockIds from './src/markdown/remark-block-ids.ts';
import remarkInertHtml from './src/markdown/remark-inert-html.ts';

export default defineConfig({
  // The deployed address; canonical links and the sitemap use it.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  // Tests that build from another content folder use a cache of their own.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  // Pagefind indexes the output once Astro has written it, so `astro build` alone gives a working search.
  integrations: [sitemap({ filter: (page) => !page.endsWith('/404/') }), pagefind()],
  // Content-Security-Policy as a <meta> on every page: Astro hashes its own
  // inline scripts and styles; nothing else inline and no other origin runs.
  // 'wasm-unsafe-eval' lets Pagefind start its WebAssembly; its worker is a
  // same-origin file.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
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
