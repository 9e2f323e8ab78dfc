import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerIssues, normalizedAnswers } from './questionnaire.ts';
import type { Questionnaire } from './settings.ts';

const label = (en: string) => ({ 'zh-CN': en, en });
const questionnaire: Questionnaire = {
  questions: [
    { key: 'punctuality', label: label('On time'), required: true },
    { key: 'quality', label: label('Quality'), required: true },
    { key: 'explanation', label: label('Explanation'), required: false },
  ],
};

describe('questionnaire answers (P5.1.1)', () => {
  it('accepts every required question answered 1-5, the optional ones left out', () => {
    expect(answerIssues(questionnaire, { punctuality: 5, quality: 1 })).toEqual([]);
    expect(answerIssues(questionnaire, { punctuality: 3, quality: 4, explanation: 2 })).toEqual([]);
  });

  it('names each required question left unanswered', () => {
    expect(answerIssues(questionnaire, { quality: 4 })).toEqual([{ key: 'punctuality', problem: 'required' }]);
    expect(answerIssues(questionnaire, {})).toEqual([
      { key: 'punctuality', problem: 'required' },
      { key: 'quality', problem: 'required' },
    ]);
  });

  it('refuses answers outside 1-5 or not whole, and questions the questionnaire does not ask', () => {
    expect(answerIssues(questionnaire, { punctuality: 0, quality: 6, explanation: 2.5, mood: 3 })).toEqual([
      { key: 'punctuality', problem: 'out_of_range' },
      { key: 'quality', problem: 'out_of_range' },
      { key: 'explanation', problem: 'out_of_range' },
      { key: 'mood', problem: 'unknown' },
    ]);
  });

  it('an empty questionnaire accepts no answers but needs none', () => {
    expect(answerIssues({ questions: [] }, {})).toEqual([]);
    expect(answerIssues({ questions: [] }, { quality: 3 })).toEqual([{ key: 'quality', problem: 'unknown' }]);
  });

  it('property: answers are acceptable exactly when every required one is a score and none is unknown', () => {
    const keys = ['punctuality', 'quality', 'explanation', 'other'] as const;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.oneof(fc.integer({ min: -2, max: 8 }), fc.constant(2.5))), (answers) => {
        const ok =
          [1, 2, 3, 4, 5].includes(answers.punctuality as number) &&
          [1, 2, 3, 4, 5].includes(answers.quality as number) &&
          (answers.explanation === undefined || [1, 2, 3, 4, 5].includes(answers.explanation)) &&
          answers.other === undefined;
        expect(answerIssues(questionnaire, answers).length === 0).toBe(ok);
        if (ok) expect(Object.keys(normalizedAnswers(questionnaire, answers)).sort()).toEqual(Object.keys(answers).sort());
      }),
    );
  });
});
