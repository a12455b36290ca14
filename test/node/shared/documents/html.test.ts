// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderHtml } from '../../../../shared/documents/html';
import { heading, keyValue, list, paragraph, table, type DocumentModel } from '../../../../shared/documents/model';

/** A real HTML parser (jsdom's, in this file's environment): what a browser would make of the page. */
const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>&amp;'"`;

const hostileModel: DocumentModel = {
  language: 'sv',
  title: `Rapport ${HOSTILE}`,
  subtitle: HOSTILE,
  blocks: [
    heading(HOSTILE),
    paragraph(`Anteckning: ${HOSTILE}\nrad två`),
    keyValue([[HOSTILE, HOSTILE]]),
    table([HOSTILE, 'B'], [[HOSTILE, '</td></tr></table><script>x()</script>']]),
    list([HOSTILE], true),
  ],
  footer: HOSTILE,
};

describe('renderHtml', () => {
  it('escapes every piece of text, so data can never become markup', () => {
    const html = renderHtml(hostileModel);
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html.toLowerCase()).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&amp;amp;&#39;&quot;');
  });

  it('reads back, through a real HTML parser, as exactly the text that went in', () => {
    const document = parse(renderHtml(hostileModel));
    expect(document.querySelectorAll('script, img, link, iframe, object')).toHaveLength(0);
    expect(document.title).toBe(`Rapport ${HOSTILE}`);
    expect(document.querySelector('h1')!.textContent).toBe(`Rapport ${HOSTILE}`);
    expect(document.querySelector('h2')!.textContent).toBe(HOSTILE);
    expect(document.querySelector('p:not(.subtitle)')!.textContent).toBe(`Anteckning: ${HOSTILE}\nrad två`);
    expect(document.querySelector('dt')!.textContent).toBe(HOSTILE);
    expect(document.querySelector('dd')!.textContent).toBe(HOSTILE);
    expect(document.querySelector('th')!.textContent).toBe(HOSTILE);
    expect([...document.querySelectorAll('td')].map((td) => td.textContent)).toEqual([HOSTILE, '</td></tr></table><script>x()</script>']);
    expect(document.querySelector('ol > li')!.textContent).toBe(HOSTILE);
    expect(document.querySelector('footer')!.textContent).toBe(HOSTILE);
    // Every element carries no event-handler attribute at all.
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) expect(attribute.startsWith('on')).toBe(false);
    }
  });

  it('is a standalone page: language, charset, its own CSP, inline CSS only and no external resource', () => {
    const html = renderHtml({ language: 'fi', title: 'Rekisteri- ja tietosuojaseloste', blocks: [paragraph('Hei')] });
    const document = parse(html);
    expect(document.documentElement.getAttribute('lang')).toBe('fi');
    expect(document.querySelector('meta[charset]')!.getAttribute('charset')).toBe('utf-8');
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(document.querySelectorAll('style')).toHaveLength(1);
    expect(document.querySelectorAll('script, link, [src], [href]')).toHaveLength(0);
    expect(html).not.toMatch(/url\(|@import|https?:/);
    expect(html.startsWith('<!doctype html>')).toBe(true);
  });

  it('keeps Finnish letters as they are (UTF-8, no entities needed)', () => {
    const html = renderHtml({ language: 'fi', title: 'Ääkköset', blocks: [paragraph('Åsa Öhman, Järvenpää')] });
    expect(html).toContain('Åsa Öhman, Järvenpää');
  });

  it('escapeHtml also drops control characters that HTML does not allow', () => {
    expect(escapeHtml('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
  });
});
