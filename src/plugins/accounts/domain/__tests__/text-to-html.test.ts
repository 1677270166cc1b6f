import { textToHtml } from '../text-to-html';

describe('textToHtml', () => {
  it('makes paragraphs at blank lines and keeps line breaks', () => {
    expect(textToHtml('Hello,\n\nFirst line\nsecond line\n')).toBe('<p>Hello,</p>\n<p>First line<br>\nsecond line</p>');
  });

  it('escapes markup and links web addresses', () => {
    expect(textToHtml('Reset: https://wsis.test/reset?code=1.ab&x=<b>')).toBe(
      '<p>Reset: <a href="https://wsis.test/reset?code=1.ab&amp;x=">https://wsis.test/reset?code=1.ab&amp;x=</a>&lt;b&gt;</p>',
    );
  });
});
