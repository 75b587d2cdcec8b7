/**
 * The contracts' enums in TypeScript, each written once, with their values in on-chain order. The CLI, the demo, the
 * tests and the published package (`@gc-governance/contracts` and its ethers-free `/abis` subpath, which ships this
 * file as it is) and the portal import them from here; the file imports nothing. They are TypeScript enums, so
 * `MotionClass[2]` gives back "Constitutional".
 */

/** IMotionPolicy.MotionClass: the class the policy derives from a motion's actions. */
export enum MotionClass {
  Standard,
  Treasury,
  Constitutional,
  Admission,
  NoConfidence,
}

/** Each class's name for people, by its value: `MOTION_CLASS_NAMES[MotionClass.NoConfidence]` is "No-confidence". */
export const MOTION_CLASS_NAMES = [
  "Standard",
  "Treasury",
  "Constitutional",
  "Admission",
  "No-confidence",
] as const;
export type MotionClassName = (typeof MOTION_CLASS_NAMES)[number];

/** OpenZeppelin's IGovernor.ProposalState. */
export enum ProposalState {
  Pending,
  Active,
  Canceled,
  Defeated,
  Succeeded,
  Queued,
  Expired,
  Executed,
}

/** ProposalState's names, in value order: "Pending", "Active", …, "Executed". */
export type ProposalStateName = keyof typeof ProposalState;
export const PROPOSAL_STATE_NAMES = enumNames(ProposalState) as ProposalStateName[];

/** ICouncilRegistry.MemberStatus: the life cycle of a member record. */
export enum MemberStatus {
  None,
  Candidate,
  Active,
  Removed,
  Resigned,
}

/** The `support` of a vote (OpenZeppelin's GovernorCountingSimple, in Bravo's order). */
export enum VoteSupport {
  Against,
  For,
  Abstain,
}

/** ICouncilGovernor.ProposerRule: who may open general motions. */
export enum ProposerRule {
  SecretariatAndMembers,
  SecretariatOnly,
  MembersOnly,
}

/** IImprovementReserve.BudgetStatus. */
export enum BudgetStatus {
  Approved,
  Canceled,
  Ended,
}

/** The member names of a numeric enum, in value order: `enumNames(VoteSupport)` is ["Against", "For", "Abstain"]. */
export function enumNames(values: Record<string, string | number>): string[] {
  return Object.keys(values).filter((key) => typeof values[key] === "number");
}
