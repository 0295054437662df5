// The deadlines a case can run against, each read from the policy setting of the same name
// (its own module: policy and the reminder rules both name them).
export const DEADLINE_KINDS = ['originCertificateProcessing', 'registration', 'supplement', 'verification', 'review', 'assistanceReply', 'appealDecision', 'groupFiling', 'noticeAcknowledgement'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
