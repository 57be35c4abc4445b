/**
 * "Download this statement" in the browser: fetches the statement's bucket
 * (`/data/statements/<bucket>.json.gz`, once per page, then cached), builds the
 * file with the same function the build's tests use (statement-files.ts) and
 * hands it to the browser as a download (a Blob behind `<a download>`). The
 * statement page loads this module only on the first click.
 */
import { type Bucket, type StatementFormat, statementFile } from '../downloads/statement-files.ts';
import { fetchGzippedJson } from './gunzip.ts';

const buckets = new Map<string, Promise<Bucket>>();

/**
 * A bucket file, fetched once: a failed fetch is forgotten, so the next click tries again.
 * @example await loadBucket('/data/statements/2f1.json.gz') // => { '2012-11-28-wu-haitao-iom-council': { id: …, blocks: […], … } }
 */
export function loadBucket(href: string): Promise<Bucket> {
  let loading = buckets.get(href);
  if (!loading) {
    loading = fetchGzippedJson<Bucket>(href);
    loading.catch(() => buckets.delete(href));
    buckets.set(href, loading);
  }
  return loading;
}

/**
 * Builds one download of the statement `id` from its bucket and starts it;
 * resolves to the file's name.
 * @example await downloadStatement('/data/statements/2f1.json.gz', '2012-11-28-wu-haitao-iom-council', 'tei') // => '2012-11-28-wu-haitao-iom-council.tei.xml'
 */
export async function downloadStatement(href: string, id: string, format: StatementFormat): Promise<string> {
  const entry = (await loadBucket(href))[id];
  if (!entry) throw new Error(`${href} does not hold ${id}`);
  const file = statementFile(entry, format);
  const url = URL.createObjectURL(new Blob([file.body], { type: file.type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the file once the click's task is done; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return file.name;
}
