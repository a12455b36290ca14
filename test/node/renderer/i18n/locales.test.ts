import { describe, expect, it } from 'vitest';
import { resources } from '../../../../renderer/src/i18n';

/**
 * Every locale has exactly the keys Finnish has (the reference), no more and no fewer, and no
 * empty texts; interpolations (`{{name}}`) match, so no translation drops or invents a value.
 * The types already refuse a mismatch at compile time; this proves it for what actually ships.
 */
type Tree = { readonly [key: string]: Tree | string | readonly string[] };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else if (Array.isArray(value)) value.forEach((item, i) => out.set(`${path}[${i}]`, String(item)));
    else for (const [k, v] of leaves(value as Tree, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();
const finnish = leaves(resources.fi.translation);

describe.each(['en', 'sv'] as const)('locale %s', (language) => {
  const other = leaves(resources[language].translation);

  it('has every Finnish key and no key Finnish lacks', () => {
    expect([...finnish.keys()].filter((key) => !other.has(key))).toEqual([]);
    expect([...other.keys()].filter((key) => !finnish.has(key))).toEqual([]);
  });

  it('has no empty text, and the same interpolations as Finnish', () => {
    for (const [key, text] of other) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(finnish.get(key) ?? ''));
    }
  });
});

it('the Finnish reference has a substantial number of texts', () => {
  expect(finnish.size).toBeGreaterThan(200);
});
