import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/issues/format-issue.ts';

describe('formatIssue', () => {
  it('file, line, column, message and hint', () => {
    expect(
      formatIssue({
        severity: 'error',
        file: 'data/2024/responses.csv',
        line: 57,
        column: 'int3',
        value: '7',
        message: `value "7" is outside the scale 1–5 and is not a can't-say code (6)`,
        hint: "Correct the value, or add the code to scale.cantSay in study.json if it means can't say.",
      }),
    ).toBe(
      `error: data/2024/responses.csv:57: column "int3": value "7" is outside the scale 1–5 and is not a can't-say code (6)\n  → Correct the value, or add the code to scale.cantSay in study.json if it means can't say.`,
    );
  });

  it('without line, column or hint', () => {
    expect(formatIssue({ severity: 'warning', file: 'data/study.json', message: 'dimensions[2].items[1]: unknown item "int9"' })).toBe(
      'warning: data/study.json: dimensions[2].items[1]: unknown item "int9"',
    );
  });
});
