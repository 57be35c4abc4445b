/**
 * The trends the site shows at build time, computed once per build and shared
 * by the pages that show them and the files that download them: the trends
 * page's default terms (by year and by speaker), and each theme's terms by year.
 */
import type { APIRoute } from 'astro';
import { trendSvg } from '../analysis/chart.ts';
import type { TrendFiles } from '../analysis/trend-figure.ts';
import { type TrendTable, termTable, trendCsv } from '../analysis/trend-table.ts';
import { type Corpus, UNKNOWN_SPEAKER } from './corpus.ts';
import { getCorpus } from './load.ts';
import { pageKey } from './page-keys.ts';
import { corpusFile, rendersCorpusPages } from './shards.ts';

/** Shown without JavaScript, and until the reader asks for other terms. */
export const DEFAULT_TERMS = ['migration', 'cooperation', 'trafficking', 'development'];

/** The groups of the trends: years, and speakers (statements without one are a group of their own, so every word is counted by speaker too). */
export function trendGroups(corpus: Corpus): { years: { key: string; label: string }[]; speakers: { key: string; label: string }[] } {
  const years = corpus.years.map((g) => ({ key: g.slug, label: g.label }));
  const speakers = corpus.speakers.map((s) => ({ key: s.speaker.id, label: s.speaker.name }));
  if (corpus.analysis.statements.some((s) => s.speakerId === UNKNOWN_SPEAKER))
    speakers.push({ key: UNKNOWN_SPEAKER, label: 'Speaker not recorded' });
  return { years, speakers };
}

/** A figure of the trends page: its table and where its files are. */
export interface TrendFigure {
  table: TrendTable;
  files: TrendFiles;
}

const defaults = new WeakMap<Corpus, { byYear: TrendFigure; bySpeaker: TrendFigure }>();

/** The trends page's default terms by year and by speaker, and their files (/trends/by-year.csv, .svg; /trends/by-speaker.csv). */
export function defaultTrends(corpus: Corpus): { byYear: TrendFigure; bySpeaker: TrendFigure } {
  let out = defaults.get(corpus);
  if (!out) {
    const { years, speakers } = trendGroups(corpus);
    out = {
      byYear: {
        table: termTable(corpus.analysis, DEFAULT_TERMS, 'year', years, 'By year'),
        files: { csv: '/trends/by-year.csv', svg: '/trends/by-year.svg', name: 'trends-by-year' },
      },
      bySpeaker: {
        table: termTable(corpus.analysis, DEFAULT_TERMS, 'speaker', speakers, 'By speaker'),
        files: { csv: '/trends/by-speaker.csv', name: 'trends-by-speaker' },
      },
    };
    defaults.set(corpus, out);
  }
  return out;
}

const themes = new WeakMap<Corpus, Map<string, TrendFigure>>();

/** A theme's terms by year, and their files (/themes/<id>/by-year.csv, .svg). */
export function themeTrend(corpus: Corpus, themeId: string): TrendFigure {
  let byTheme = themes.get(corpus);
  if (!byTheme) themes.set(corpus, (byTheme = new Map()));
  let out = byTheme.get(themeId);
  if (!out) {
    const entry = corpus.themes.find((t) => t.theme.id === themeId);
    if (!entry) throw new Error(`themeTrend: no theme ${themeId}`);
    out = {
      table: termTable(corpus.analysis, entry.theme.terms, 'year', trendGroups(corpus).years, `Terms of “${entry.theme.label}” by year`),
      files: { csv: `/themes/${themeId}/by-year.csv`, svg: `/themes/${themeId}/by-year.svg`, name: `theme-${themeId}-by-year` },
    };
    byTheme.set(themeId, out);
  }
  return out;
}

/** A figure's download as a response: its table as CSV, or its chart as a standalone SVG. */
export function trendFileResponse(figure: TrendFigure, kind: 'csv' | 'svg'): Response {
  return kind === 'csv'
    ? new Response(trendCsv(figure.table), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })
    : new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${trendSvg(figure.table, { id: 'chart', variant: 'standalone' })}\n`, {
        headers: { 'Content-Type': 'image/svg+xml' },
      });
}

/** The endpoint of a default figure's file (src/pages/trends/): written by a whole build and by shard 1. */
export function defaultTrendFile(which: 'byYear' | 'bySpeaker', kind: 'csv' | 'svg'): APIRoute {
  return corpusFile(async () => trendFileResponse(defaultTrends(await getCorpus())[which], kind));
}

/** The paths of the themes' files (src/pages/themes/[id]/): one per theme, in shard 1 of a sharded build only, keyed by what they show. */
export async function themeTrendPaths(): Promise<{ params: { id: string }; cacheKey: string }[]> {
  if (!rendersCorpusPages()) return [];
  const corpus = await getCorpus();
  return corpus.themes.map(({ theme }) => ({
    params: { id: theme.id },
    cacheKey: pageKey('theme-trend', themeTrend(corpus, theme.id).table),
  }));
}

/** The endpoint of a theme's file. */
export function themeTrendFile(kind: 'csv' | 'svg'): APIRoute {
  return async ({ params }) => trendFileResponse(themeTrend(await getCorpus(), params['id']!), kind);
}
