import { defaultTrendFile } from '../../site/trends.ts';

// The trends page's default figure as a file, for readers without JavaScript (src/site/trends.ts).
export const GET = defaultTrendFile('byYear', 'svg');
