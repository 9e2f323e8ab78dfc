import type { Insertable, Kysely } from 'kysely';
import { answerIssues, normalizedAnswers } from '../../../core/questionnaire.ts';
import type { CustomerRatingsTable, DB } from '../../db/schema.ts';
import { errors } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/messages.ts';
import { getSetting } from '../settings/service.ts';

type RatingInput = {
  workOrderId: string;
  technicianId: string | null;
  source: CustomerRatingsTable['source'];
  rating: number;
  answers: Record<string, unknown> | undefined;
  comment: string | undefined | null;
  at: Date;
};

const ISSUE_KEYS: Record<'required' | 'unknown' | 'out_of_range', MessageKey> = {
  required: 'field.answer_required',
  unknown: 'field.answer_unknown',
  out_of_range: 'field.answer_out_of_range',
};

/**
 * The rating row for the customer's answers (P5.1.1, P5.3.3), checked against the
 * questionnaire in force, which the row keeps as it was. A bad answer is a 400 naming
 * `<answersField>.<question key>`.
 */
export async function ratingRow(db: Kysely<DB>, input: RatingInput, answersField: string): Promise<Insertable<CustomerRatingsTable>> {
  const questionnaire = await getSetting(db, 'acceptance.questionnaire');
  const answers = input.answers ?? {};
  const issues = answerIssues(questionnaire, answers);
  if (issues.length > 0) {
    throw errors.invalid(
      issues.map((i) => ({ field: `${answersField}.${i.key}`, code: i.problem, key: ISSUE_KEYS[i.problem] })),
    );
  }
  return {
    workOrderId: input.workOrderId,
    technicianId: input.technicianId,
    source: input.source,
    rating: input.rating,
    answers: JSON.stringify(normalizedAnswers(questionnaire, answers)),
    questionnaire: JSON.stringify(questionnaire),
    comment: input.comment?.trim() ? input.comment.trim() : null,
    ratedAt: input.at,
  };
}
