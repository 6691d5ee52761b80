package org.pkcn.exchange.process;

/**
 * The names the process models and the Java code share: process keys, message names and the process
 * variables that are not proposal fields (those are in {@code ProposalFields}). Tests use the same constants,
 * so a name changed on one side fails a test instead of a reviewer's form.
 */
public final class ExchangeProposalProcess {

    public static final String PROCESS_KEY = "exchange-proposal";
    public static final String REVIEW_PROCESS_KEY = "proposal-review";
    /** The review's one task for reviewers (and their supervisors); the other is the applicant's revision. */
    public static final String REVIEW_TASK = "Task_ReviewProposal";
    public static final String ELIGIBILITY_DECISION = "eligibility";

    /** Message that starts the withdrawal event sub-process; correlated by the business key (the reference). */
    public static final String WITHDRAWAL_REQUESTED = "ProposalWithdrawalRequested";

    public static final String REFERENCE = "reference";
    public static final String APPLICANT_USER = "applicantUser";
    public static final String SCREENING = "screening";
    public static final String PARTY = "party";
    public static final String REVIEWER_GROUP = "reviewerGroup";
    public static final String SUPERVISOR_GROUP = "supervisorGroup";
    public static final String DECISION = "decision";
    public static final String COMMENT = "comment";
    public static final String DECIDED_BY = "decidedBy";
    public static final String REVIEW_OUTCOME = "reviewOutcome";
    public static final String NOTIFICATION = "notification";
    public static final String WITHDRAWN_BY = "withdrawnBy";
    public static final String WITHDRAWAL_REASON = "withdrawalReason";

    /**
     * Task-local variables that the review form shows, written from the registry when the review task is created:
     * the review process holds no copy of the proposal's fields (only what it works with: the reference, the
     * applicant, the party and its groups), so each waiting review costs a few rows, not the whole proposal again.
     */
    public static final String PROPOSAL_SUMMARY = "proposalSummary";
    public static final String PROPOSAL_OBJECTIVES = "proposalObjectives";
    public static final String PROPOSAL_EXPECTED_OUTCOMES = "proposalExpectedOutcomes";
    public static final String PROPOSAL_HISTORY = "proposalHistory";

    /**
     * Task-local copies of what the Tasklist's lists show as columns (reference, title, applicant organisation,
     * sector), set when a user task is created: whoever may read the task may read them, and nobody needs the
     * whole process instance for a list. Named apart from the proposal's fields, so that a form submitting a
     * revised title never writes into the copy.
     */
    public static final String LIST_REFERENCE = "listReference";
    public static final String LIST_TITLE = "listTitle";
    public static final String LIST_APPLICANT_NAME = "listApplicantName";
    public static final String LIST_SECTOR = "listSector";

    /**
     * The review form's own check that a rejection or change request carries a comment (a computed field that the
     * form submits as true; nothing reads it). See forms/review-proposal.form.
     */
    public static final String COMMENT_RULE_MET = "commentRuleMet";

    private ExchangeProposalProcess() {
    }
}
