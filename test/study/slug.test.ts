import { describe, expect, it } from 'vitest';
import { groupSlugOf, groupSlugs } from '../../src/study/slug.ts';
import { groupSlug } from '../../src/site/view.ts';

describe('group page names', () => {
  it('a URL-safe code is its own page name; any other is named by its position', () => {
    expect(groupSlugs(['public', 'koti talous', 'B_2', 'ä', 'x'.repeat(101)])).toEqual(['public', 'group-2', 'B_2', 'group-4', 'group-5']);
    expect(groupSlugOf(['public', 'koti talous'], 'koti talous')).toBe('group-2');
  });

  it('the site uses the same rule', () => {
    const groups = ['a', 'b c'].map((code) => ({ code, label: { fi: code, en: code } }));
    expect(groupSlug({ groups } as never, 'b c')).toBe('group-2');
  });
});
