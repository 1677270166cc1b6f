import { valuesAt } from '../attribute-paths';
import { cell, csvWriter, neutralizeFormula } from '../csv';

describe('CSV cells', () => {
  it.each(['=HYPERLINK("http://example.org","x")', '+41 22 730 51 11', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1'])(
    'neutralises %j with a leading apostrophe',
    (value) => {
      expect(neutralizeFormula(value)).toBe(`'${value}`);
    },
  );

  it('leaves ordinary text alone, in any script', () => {
    for (const value of ['Telecentres', 'مراكز الاتصال', '农村电信中心', 'a=b', '']) expect(neutralizeFormula(value)).toBe(value);
  });

  it('reads every value at a path through relations and joins them', () => {
    const entry = {
      title: 'Telekiosks',
      actionLines: [{ code: 'C2' }, { code: 'C7.1' }],
      organization: { name: 'Bhutan Post' },
      countries: [],
    };
    expect(valuesAt(entry, 'actionLines.code')).toEqual(['C2', 'C7.1']);
    expect(cell(entry, 'actionLines.code', '; ')).toBe('C2; C7.1');
    expect(cell(entry, 'organization.name', '; ')).toBe('Bhutan Post');
    expect(cell(entry, 'countries.code', '; ')).toBe('');
    expect(cell({ organization: null }, 'organization.name', '; ')).toBe('');
  });

  it('writes a UTF-8 byte order mark, a header and CRLF rows, quoting what needs it', async () => {
    const writer = csvWriter(['title', 'countries']);
    writer.write(['Semaine des normes vertes, Rome', 'IT']);
    writer.end();
    const chunks: Buffer[] = [];
    for await (const chunk of writer) chunks.push(Buffer.from(chunk));
    const bytes = Buffer.concat(chunks);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('title,countries\r\n"Semaine des normes vertes, Rome",IT\r\n');
  });
});
