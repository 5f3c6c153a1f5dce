import { describe, expect, it } from 'vitest';
import { markdownToHtml, parseEditorial, parseFrontMatter } from '../../src/editorial/index.ts';
import { editionScaffold } from '../../src/editorial/scaffold.ts';
import { parseFrontMatter as parseAgain } from '../../src/editorial/front-matter.ts';
import { testStudy } from '../model/build.ts';

describe('markdownToHtml', () => {
  it('shows raw HTML as text, never as markup', () => {
    expect(markdownToHtml('Hello <script>alert(1)</script> world')).toBe('<p>Hello &lt;script&gt;alert(1)&lt;/script&gt; world</p>');
    expect(markdownToHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markdownToHtml('<img src=x onerror="alert(1)">')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(markdownToHtml('**bold** & <b>')).toBe('<p><strong>bold</strong> &amp; &lt;b&gt;</p>');
  });

  it('drops HTML comments (the scaffold’s guidance to authors)', () => {
    expect(markdownToHtml('<!-- note to authors -->\n\nText')).toBe('<p>Text</p>');
    expect(markdownToHtml('a <!-- note --> b')).toBe('<p>a  b</p>');
    expect(markdownToHtml('<!-- only a note -->')).toBe('');
  });

  it('keeps links with safe schemes and refuses the others, keeping their text', () => {
    expect(markdownToHtml('[ok](https://example.com "T")')).toBe('<p><a href="https://example.com" title="T">ok</a></p>');
    expect(markdownToHtml('[site](/fi/2024/) [mail](mailto:a@b.fi) [here](#method)')).toBe('<p><a href="/fi/2024/">site</a> <a href="mailto:a@b.fi">mail</a> <a href="#method">here</a></p>');
    expect(markdownToHtml('[x](javascript:alert(1))')).toBe('<p>x</p>');
    expect(markdownToHtml('[x](JavaScript:alert(1) "t")')).toBe('<p>x</p>');
    expect(markdownToHtml('[x](data:text/html,hi)')).toBe('<p>x</p>');
    expect(markdownToHtml('[x](//evil.example)')).toBe('<p>x</p>');
  });

  it('shows an image as its alt text only', () => {
    expect(markdownToHtml('![alt <b>](http://x/y.png)')).toBe('<p>alt &lt;b&gt;</p>');
  });

  it('demotes headings below the page’s own h2 sections, at most to h6', () => {
    expect(markdownToHtml('# Title\n\n## Sub\n\n##### Deep')).toBe('<h3>Title</h3>\n<h4>Sub</h4>\n<h6>Deep</h6>');
  });
});

describe('parseFrontMatter', () => {
  it('reads key: value fields, unquotes values, skips blanks and comments, and returns the body', () => {
    const fm = parseFrontMatter('\uFEFF---\r\ntitle: "Report 2025"\r\n# a comment\r\n\r\nversion: \'1.0\'\r\nstatus:draft\r\n---\r\nBody line\r\nmore');
    expect([...fm.fields]).toEqual([
      ['title', { value: 'Report 2025', line: 2 }],
      ['version', { value: '1.0', line: 5 }],
      ['status', { value: 'draft', line: 6 }],
    ]);
    expect(fm.body).toBe('Body line\nmore');
    expect(fm.bodyLine).toBe(8);
    expect(fm.problems).toEqual([]);
  });

  it('without front matter the whole text is the body', () => {
    expect(parseFrontMatter('# Just text\n')).toEqual({ fields: new Map(), body: '# Just text\n', bodyLine: 1, problems: [] });
  });

  it('reports a line that is not key: value, and an unclosed block', () => {
    expect(parseFrontMatter('---\ntitle: x\njust words\n---\n').problems).toEqual([{ line: 3, message: 'front matter line "just words" is not "key: value"' }]);
    const open = parseAgain('---\ntitle: x\n');
    expect(open.problems).toEqual([{ line: 1, message: 'the front matter opened with "---" is not closed by a "---" line' }]);
    expect(open.body).toBe('');
  });
});

describe('parseEditorial', () => {
  const sections = new Set(['method', 'drivers']);
  const file = (name: string, text: string) => ({ name, path: `reports/2025/fi/${name}`, text });

  it('reads the metadata, the summary and each section as sanitised HTML', () => {
    const { editorial, issues } = parseEditorial(
      [
        file('index.md', '---\ntitle: Raportti 2025\nstatus: published\nversion: "1.0"\npublished: 2025-03-13\nfieldwork: 1.–2.2025\nsample: 100\n---\n\nSummary <b>x</b>\n'),
        file('method.md', '## Menetelmä\n\nTeksti'),
        file('notes.txt', 'not markdown'),
      ],
      sections,
    );
    expect(issues).toEqual([]);
    expect(editorial).toEqual({
      meta: { title: 'Raportti 2025', status: 'published', version: '1.0', published: '2025-03-13', fieldwork: '1.–2.2025', sample: '100' },
      summaryHtml: '<p>Summary &lt;b&gt;x&lt;/b&gt;</p>',
      sections: { method: '<h4>Menetelmä</h4>\n<p>Teksti</p>' },
    });
  });

  it('defaults to a draft of version 0.1; no index.md means no editorial', () => {
    expect(parseEditorial([file('index.md', 'Text')], sections).editorial!.meta).toEqual({ title: '', status: 'draft', version: '0.1' });
    expect(parseEditorial([file('method.md', 'x')], sections)).toEqual({ issues: [] });
  });

  it('warns of an unknown field and an unknown section', () => {
    const { editorial, issues } = parseEditorial([file('index.md', '---\ntitle: T\nauthor: Me\n---\n'), file('summary.md', 'x')], sections);
    expect(issues).toEqual([
      {
        severity: 'warning',
        file: 'reports/2025/fi/index.md',
        line: 3,
        message: 'unknown front matter field "author" is ignored',
        hint: 'Known fields: title, status, version, published, fieldwork, sample.',
      },
      {
        severity: 'warning',
        file: 'reports/2025/fi/summary.md',
        message: 'no report section is called "summary", so this commentary is not shown',
        hint: 'Name the file after a section: method, drivers.',
      },
    ]);
    expect(editorial!.sections).toEqual({});
  });

  it('refuses a bad status and a bad date, and a malformed front matter line', () => {
    const { issues, editorial } = parseEditorial([file('index.md', '---\nstatus: final\npublished: 13.3.2025\n: x\n---\n')], sections);
    expect(issues).toEqual([
      { severity: 'error', file: 'reports/2025/fi/index.md', line: 4, message: 'front matter line ": x" is not "key: value"', hint: 'Write each front matter field as "key: value".' },
      { severity: 'error', file: 'reports/2025/fi/index.md', line: 2, value: 'final', message: 'status "final" is neither "draft" nor "published"', hint: 'Set status: draft or status: published.' },
      {
        severity: 'error',
        file: 'reports/2025/fi/index.md',
        line: 3,
        value: '13.3.2025',
        message: 'publication date "13.3.2025" is not a date like 2025-03-14',
        hint: 'Write the date as YYYY-MM-DD.',
      },
    ]);
    expect(editorial!.meta.status).toBe('draft');
  });
});

describe('editionScaffold', () => {
  it('creates a draft index.md and a commentary file per section for every language', () => {
    const study = testStudy();
    const files = editionScaffold(study, 2026, ['method', 'd3']);
    expect([...files.keys()]).toEqual(['fi/index.md', 'fi/method.md', 'fi/d3.md', 'en/index.md', 'en/method.md', 'en/d3.md']);
    const index = files.get('en/index.md')!;
    expect(index.split('\n').slice(0, 7)).toEqual(['---', 'title: "Model test 2026"', 'status: draft', 'version: "0.1"', 'fieldwork: ""', 'sample: ""', '---']);
    expect(files.get('en/method.md')).toBe('<!-- Commentary on the section "method" (markdown). Leave empty if the section needs none. -->\n');
    // What the scaffold writes parses as a draft with no problems, and its guidance is not shown.
    const parsed = parseEditorial(
      [...files].filter(([p]) => p.startsWith('fi/')).map(([p, text]) => ({ name: p.slice(3), path: p, text })),
      new Set(['method', 'd3']),
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.editorial).toEqual({ meta: { title: 'Model test 2026', status: 'draft', version: '0.1', fieldwork: '', sample: '' }, summaryHtml: '', sections: { method: '', d3: '' } });
  });
});
