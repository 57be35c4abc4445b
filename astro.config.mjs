// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import pagefind from './src/integrations/pagefind.ts';
import editionMarkdown from './src/integrations/edition-markdown.ts';
import { siteAddress } from './src/site/address.ts';

export default defineConfig({
  // The site's address (src/site/address.ts): SITE_URL, required unless LOCAL_PREVIEW=1 (npm start).
  site: siteAddress().url,
  output: 'static',
  // Incremental static builds: a page whose cacheKey (src/site/page-keys.ts) and code are unchanged
  // since the last build is taken from Astro's cache instead of being rendered again.
  experimental: { incrementalBuild: true },
  // Tests that build from another content folder use a cache of their own.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  // Two pages at a time: the data files are compressed on zlib's thread pool (src/downloads/gzip.ts),
  // so the second core compresses while the first renders (BENCHMARKS.md).
  build: { concurrency: 2 },
  // How statements' Markdown renders (src/integrations/edition-markdown.ts); Pagefind indexes the
  // output once Astro has written it, so `astro build` alone gives a working search.
  integrations: [sitemap({ filter: (page) => !page.endsWith('/404/') }), editionMarkdown(), pagefind()],
  // Content-Security-Policy as a <meta> on every page: Astro hashes its own
  // inline scripts and styles; nothing else inline and no other origin runs.
  // 'wasm-unsafe-eval' lets Pagefind start its WebAssembly, which runs on the
  // page: no worker (src/client/search/pagefind.ts).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
