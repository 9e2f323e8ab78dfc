// The acceptance module's API shapes (server/modules/acceptance/schemas.ts).

export type Localized = { 'zh-CN': string; en: string };

export interface Questionnaire {
  questions: { key: string; label: Localized; required: boolean }[];
}

export type AcceptanceOutcome = 'accepted' | 'refused';
export type AcceptanceChannel = 'on_site' | 'portal';
export type RatingSource = 'on_site' | 'portal' | 'survey';
export type SurveyStatus = 'pending' | 'answered' | 'expired';

export interface AcceptanceRecord {
  id: string;
  outcome: AcceptanceOutcome;
  channel: AcceptanceChannel;
  signerName: string | null;
  signatureUrl: string | null;
  signatureSha256: string | null;
  reason: string | null;
  comment: string | null;
  recordedBy: string;
  at: string;
  handledAt: string | null;
  handledBy: string | null;
  handlingNote: string | null;
}

export interface CustomerRating {
  id: string;
  source: RatingSource;
  rating: number;
  answers: Record<string, number>;
  questionnaire: Questionnaire;
  comment: string | null;
  ratedAt: string;
  technician: { id: string; name: string } | null;
}

export interface OrderAcceptance {
  acceptances: AcceptanceRecord[];
  ratings: CustomerRating[];
  survey: { status: SurveyStatus; sentAt: string; expiresAt: string; answeredAt: string | null } | null;
  surveyPending: boolean;
  questionnaire: Questionnaire;
}

export interface SurveyView {
  order: { number: string; title: string };
  technicianName: string | null;
  serviceDate: string | null;
  expiresAt: string;
  questionnaire: Questionnaire;
}

export interface SurveyInput {
  rating: number;
  answers: Record<string, number>;
  comment?: string;
}

/** The payload of `customer_accept` (core ACTION_PAYLOADS). */
export interface AcceptInput {
  signerName: string;
  signature: string;
  rating?: number;
  answers?: Record<string, number>;
  comment?: string;
}
