import { describe, expect, it } from 'vitest';
import { unwrapInlineHtml } from '../../scripts/normalize/steps/3-inline-html.ts';

const L = (...texts: string[]) => texts.map((text, i) => ({ n: i + 1, text }));

describe('unwrapInlineHtml', () => {
  it('unwraps a superscript ordinal ("101<sup>st</sup>" → "101st") and records it', () => {
    expect(unwrapInlineHtml([{ n: 7, text: 'General Debate, 101<sup>st</sup> Session of the Council, IOM' }])).toEqual({
      lines: [{ n: 7, text: 'General Debate, 101st Session of the Council, IOM' }],
      removed: [{ line: 7, tag: 'sup', text: 'st' }],
    });
  });

  it('leaves a <script> element as literal text', () => {
    const lines = L('<script>alert(1)</script>');
    expect(unwrapInlineHtml(lines)).toEqual({ lines: L('<script>alert(1)</script>'), removed: [] });
  });

  it('leaves an <img> with an event handler as literal text', () => {
    const lines = L('See <img src=x onerror=alert(1)> here');
    expect(unwrapInlineHtml(lines)).toEqual({ lines: L('See <img src=x onerror=alert(1)> here'), removed: [] });
  });

  it('does not unwrap a formatting tag around a <script>', () => {
    const lines = L('<b><script>alert(1)</script></b>');
    expect(unwrapInlineHtml(lines)).toEqual({ lines: L('<b><script>alert(1)</script></b>'), removed: [] });
  });

  it('unwraps nested tags, inner first', () => {
    expect(unwrapInlineHtml(L('<b><i>High Road</i></b> scenario'))).toEqual({
      lines: L('High Road scenario'),
      removed: [
        { line: 1, tag: 'i', text: 'High Road' },
        { line: 1, tag: 'b', text: 'High Road' },
      ],
    });
  });

  it('drops the attributes with the tag', () => {
    expect(unwrapInlineHtml(L('in <span style="color:red" class="x">Beijing</span> today'))).toEqual({
      lines: L('in Beijing today'),
      removed: [{ line: 1, tag: 'span', text: 'Beijing' }],
    });
  });

  it('unwraps upper-case tags and records the tag in lower case', () => {
    expect(unwrapInlineHtml(L('H<SUB>2</SUB>O'))).toEqual({ lines: L('H2O'), removed: [{ line: 1, tag: 'sub', text: '2' }] });
  });

  it('unwraps several tags on one line and on several lines, in order', () => {
    expect(unwrapInlineHtml(L('the <em>first</em> and <strong>second</strong>', 'no tags', '114<sup>th</sup>'))).toEqual({
      lines: L('the first and second', 'no tags', '114th'),
      removed: [
        { line: 1, tag: 'em', text: 'first' },
        { line: 1, tag: 'strong', text: 'second' },
        { line: 3, tag: 'sup', text: 'th' },
      ],
    });
  });

  it('leaves a tag that is opened but not closed', () => {
    expect(unwrapInlineHtml(L('101<sup>st Session'))).toEqual({ lines: L('101<sup>st Session'), removed: [] });
  });

  it('leaves a tag closed by a different tag', () => {
    expect(unwrapInlineHtml(L('<b>bold</i>'))).toEqual({ lines: L('<b>bold</i>'), removed: [] });
  });

  it('does not mistake longer tag names for formatting tags (<br>, <bdi>, <ul>)', () => {
    const text = '<bdi>x</bdi> <ul>y</ul> <br>';
    expect(unwrapInlineHtml(L(text))).toEqual({ lines: L(text), removed: [] });
  });

  it('leaves text with angle brackets that are not tags', () => {
    const text = 'growth of <5% and >3%';
    expect(unwrapInlineHtml(L(text))).toEqual({ lines: L(text), removed: [] });
  });
});
