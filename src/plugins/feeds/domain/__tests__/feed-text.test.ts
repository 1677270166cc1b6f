import ical from 'node-ical';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildCalendar } from '../calendar';
import { calendarTimes } from '../calendar-times';
import { feedText } from '../feed-text';
import { buildRss } from '../rss';

// A title that closes the CDATA section it is written in, then opens elements of its own.
const CDATA_BREAKOUT = 'A]]>B]]></title><link>https://evil.example</link><title><![CDATA[';
// A title that ends a calendar line, then writes an event of its own.
const CRLF_INJECTION =
  'WSIS+10\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:injected@evil.example\r\nDTSTART:20110101T000000Z\r\nSUMMARY:Injected\r\nEND:VEVENT';
const CONTROLS = 'nul\u0000 bell\u0007 vt\u000B us\u001F del\u007F nonchar\uFFFE lone\uD800 end';
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;

describe('feedText', () => {
  it('drops what XML 1.0 and RFC 5545 forbid, and keeps tabs, line breaks and surrogate pairs', () => {
    expect(feedText('a\u0000b\u0007c\u000Bd\u001Fe\u007Ff\uFFFEg\uD800h\uDC00i\tj\nk\r\nl 😀 信息', { multiline: true })).toBe(
      'abcdefghi\tj\nk\r\nl 😀 信息',
    );
  });

  it('writes a single-line value on one line', () => {
    expect(feedText('a\r\nb\nc\r\rd')).toBe('a b c d');
  });

  it('leaves no CDATA terminator, however they are nested', () => {
    for (const text of [']]>', ']]>]]>', ']]]>>', ']]\u0000>', `${']]'.repeat(3)}>>>`]) expect(feedText(text)).not.toContain(']]>');
    expect(feedText('a]]>b')).toBe('a]] >b');
  });
});

describe('RSS and iCalendar from hostile text', () => {
  const updatedAt = new Date('2011-08-01T10:00:00Z');
  const times = calendarTimes({ start: '2011-09-20T12:30:00Z', end: '2011-09-20T16:00:00Z', timezone: 'Europe/Zurich' }, 'Europe/Zurich');

  it('writes one RSS item with exactly its own elements and the text readable', () => {
    const xml = buildRss({
      title: `Repository ${CDATA_BREAKOUT}`,
      description: CONTROLS,
      selfLink: 'https://cms.example/api/publications/feed.xml',
      link: 'https://cms.example/api/publications',
      language: 'en',
      generator: 'test',
      items: [
        {
          link: 'https://cms.example/api/publications/abc',
          title: CDATA_BREAKOUT,
          description: `${CDATA_BREAKOUT}\n${CONTROLS}`,
          date: updatedAt,
          categories: [CDATA_BREAKOUT, 'C7'],
          enclosure: { url: 'https://files.example/report.pdf?a=1&b=<2>', length: 2048, type: 'application/pdf' },
        },
      ],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(FORBIDDEN);
    const { channel } = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['item', 'category', 'link', 'title'].includes(name),
    }).parse(xml).rss;
    expect(channel.title).toEqual([`Repository ${feedText(CDATA_BREAKOUT)}`]);
    expect(channel.item).toHaveLength(1);
    const [item] = channel.item;
    expect(Object.keys(item).sort()).toEqual(['category', 'description', 'enclosure', 'guid', 'link', 'pubDate', 'title']);
    expect(item.title).toEqual(['A]] >B]] ></title><link>https://evil.example</link><title><![CDATA[']);
    expect(item.link).toEqual(['https://cms.example/api/publications/abc']);
    expect(item.category).toEqual([feedText(CDATA_BREAKOUT), 'C7']);
    expect(item.description).toBe(feedText(`${CDATA_BREAKOUT}\n${CONTROLS}`, { multiline: true }));
    expect(item.enclosure['@_url']).toBe('https://files.example/report.pdf?a=1&b=<2>');
  });

  it('writes a calendar whose name and event texts stay on their lines: exactly the expected event', () => {
    const text = buildCalendar({
      name: CRLF_INJECTION,
      description: CRLF_INJECTION,
      prodId: { company: 'wsis', product: 'feeds', language: 'EN' },
      items: [
        {
          uid: 'phase@test',
          summary: CRLF_INJECTION,
          description: `${CRLF_INJECTION}\n${CONTROLS}`,
          location: CRLF_INJECTION,
          url: 'https://cms.example/\r\nX-INJECTED:1',
          times,
          updatedAt,
        },
      ],
    });
    expect(text).not.toMatch(FORBIDDEN);
    const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines.filter((line) => /^(BEGIN|END):V(CALENDAR|EVENT)/.test(line))).toEqual([
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
    expect(lines.filter((line) => /^(UID|X-INJECTED|DTSTART:2011)/.test(line))).toEqual(['UID:phase@test']);
    expect(lines).toContain(`X-WR-CALNAME:${feedText(CRLF_INJECTION)}`);
    const events = Object.values(ical.sync.parseICS(text)).filter((component) => component.type === 'VEVENT') as ical.VEvent[];
    expect(events.map((event) => event.uid)).toEqual(['phase@test']);
    expect(events[0].summary).toBe(feedText(CRLF_INJECTION));
    expect(events[0].location).toBe(feedText(CRLF_INJECTION));
  });
});
