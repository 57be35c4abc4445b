/**
 * Every page of the live site through the W3C Nu Html Checker (npm
 * `vnu-jar`, run on Debian's Java, which .ci/run installs): no errors. It
 * catches what html-validate does not, such as a script after `</html>`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const VNU = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
const hasJava = spawnSync('java', ['-version']).error === undefined;
if (process.env['CI'] && !hasJava) throw new Error('CI: Java (default-jre-headless) must be installed for the Nu checker');

describe('the Nu Html Checker', () => {
  it.skipIf(!hasJava)(
    'finds no error on any page of dist/',
    () => {
      const r = spawnSync('java', ['-Xss4m', '-jar', VNU, '--errors-only', '--skip-non-html', join(ROOT, 'dist')], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      // The checker writes its findings to standard error, one a line; nothing means no error.
      expect(r.stderr.trim(), r.stderr.slice(0, 4000)).toBe('');
      expect(r.status).toBe(0);
    },
    180_000,
  );
});
