/**
 * Member records as the operations modules need them: status names, one record by id (with a clear error for an
 * unknown id), and which member an account administers or votes for.
 */
import type { CouncilContracts } from "./deployment.js";
import { MemberStatus } from "./enums.js";
import { OpsError } from "./errors.js";

export { MemberStatus } from "./enums.js";

/** A status's name, as printed. */
export function statusName(status: MemberStatus | bigint | number): string {
  return MemberStatus[Number(status)] ?? `status ${status}`;
}

/** One member record (a candidate, an active member, or a former one). */
export interface MemberRecord {
  id: bigint;
  name: string;
  metadataURI: string;
  admin: string;
  voter: string;
  nodes: string[];
  status: MemberStatus;
  appliedAt: bigint;
  joinedAt: bigint;
  leftAt: bigint;
}

/** `member 3 (Acme)`, or `candidate 6 (Acme)` while a candidate. */
export function memberLabel(m: MemberRecord): string {
  return `${m.status === MemberStatus.Candidate ? "candidate" : "member"} ${m.id} (${m.name})`;
}

/** The record with id `id`; an unknown id is an error saying which ids exist. `what` names the id ("member id"). */
export async function readMember(c: CouncilContracts, id: bigint, what = "member id"): Promise<MemberRecord> {
  const [, , status] = await c.registry.memberAccounts(id);
  if (Number(status) === MemberStatus.None) {
    const count = await c.registry.memberCount();
    const known =
      count === 0n ? "there are none yet" : count === 1n ? "the only id is 1" : `ids are 1 to ${count}`;
    throw new OpsError(`unknown ${what} ${id}: no member or candidate has this id (${known})`);
  }
  const m = await c.registry.getMember(id);
  return {
    id,
    name: m.name,
    metadataURI: m.metadataURI,
    admin: m.admin,
    voter: m.voter,
    nodes: [...m.nodes],
    status: Number(m.status) as MemberStatus,
    appliedAt: m.appliedAt,
    joinedAt: m.joinedAt,
    leftAt: m.leftAt,
  };
}

/** The member whose current voter `account` is (undefined if it votes for none now). */
export async function memberOfCurrentVoter(
  c: CouncilContracts,
  account: string,
): Promise<MemberRecord | undefined> {
  const id = await c.registry.memberIdOfVoter(account);
  if (id === 0n) return undefined;
  const m = await readMember(c, id);
  return m.voter.toLowerCase() === account.toLowerCase() ? m : undefined;
}

/**
 * The one-line warning for a motion to remove `memberId` (No-confidence, or a petition for one) when removing it now
 * would leave fewer eligible members than the minimum (the registry's `removalCheck`, the rule `remove` applies):
 * the motion can pass, but its execution reverts unless the eligible count rises first. Undefined otherwise.
 */
export async function removalWarning(c: CouncilContracts, memberId: bigint): Promise<string | undefined> {
  const [allowed, eligibleAfter, minimum] = await c.registry.removalCheck(memberId);
  if (allowed) return undefined;
  return (
    `warning: removing member ${memberId} now would leave ${eligibleAfter} eligible members, below the minimum ` +
    `of ${minimum}: the motion can pass, but its execution will fail unless the eligible count rises`
  );
}
