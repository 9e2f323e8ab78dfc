// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSettingValue, jsonProblem, prettyJson } from './settingValue.tsx';

describe('prettyJson', () => {
  it('keeps arrays of plain values on one line', () => {
    expect(prettyJson({ weekdays: [1, 2, 3], start: '09:00' })).toBe('{\n  "weekdays": [1, 2, 3],\n  "start": "09:00"\n}');
    expect(prettyJson({ a: [{ b: 1 }], e: {} })).toBe('{\n  "a": [\n    {\n      "b": 1\n    }\n  ],\n  "e": {}\n}');
  });

  it('reads back as the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(prettyJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('json settings', () => {
  it('format the value and name what is wrong with a text', () => {
    expect(formatSettingValue('json', { a: 1 })).toBe('{\n  "a": 1\n}');
    expect(jsonProblem('{"a": 1}')).toBeNull();
    expect(jsonProblem('{"a": ')).toEqual(expect.any(String));
  });
});
