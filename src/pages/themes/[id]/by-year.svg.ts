import type { GetStaticPaths } from 'astro';
import { themeTrendFile, themeTrendPaths } from '../../../site/trends.ts';

// A theme's terms by year as a file, for readers without JavaScript (src/site/trends.ts).
export const getStaticPaths = themeTrendPaths satisfies GetStaticPaths;
export const GET = themeTrendFile('svg');
