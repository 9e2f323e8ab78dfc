import type { Questionnaire } from './settings.ts';

// The customer questionnaire (P5.1.1, P5.3.3): an overall 1-5 rating plus the questions of the
// questionnaire in force, each rated 1-5. Pure: the caller supplies the questionnaire.

export type AnswerIssue = { key: string; problem: 'required' | 'unknown' | 'out_of_range' };

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

export function isScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_SCORE && value <= MAX_SCORE;
}

/**
 * What is wrong with a customer's answers: every required question must be answered, each
 * answer must be a whole score 1-5, and no answer may name a question the questionnaire lacks.
 * An empty list means the answers are acceptable.
 */
export function answerIssues(questionnaire: Questionnaire, answers: Readonly<Record<string, unknown>>): AnswerIssue[] {
  const known = new Set(questionnaire.questions.map((q) => q.key));
  const unknown = Object.keys(answers)
    .filter((key) => !known.has(key))
    .map((key) => ({ key, problem: 'unknown' as const }));
  const asked = questionnaire.questions.flatMap((q): AnswerIssue[] => {
    const value = answers[q.key];
    if (value === undefined || value === null) return q.required ? [{ key: q.key, problem: 'required' }] : [];
    return isScore(value) ? [] : [{ key: q.key, problem: 'out_of_range' }];
  });
  return [...asked, ...unknown];
}

/** The answers kept with a rating: only the questionnaire's own questions, in its order. */
export function normalizedAnswers(questionnaire: Questionnaire, answers: Readonly<Record<string, unknown>>): Record<string, number> {
  const kept: Record<string, number> = {};
  for (const q of questionnaire.questions) {
    const value = answers[q.key];
    if (isScore(value)) kept[q.key] = value;
  }
  return kept;
}
