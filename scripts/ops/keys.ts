/**
 * Key rotation: a member's admin nominates a new voter or a new admin account, which takes effect when that
 * account accepts (CouncilRegistry.proposeVoter / proposeAdmin, then acceptVoter / acceptAdmin). Voter accounts stay
 * bound to their member for ever, so a member can never vote twice through a rotation; a new key must be fresh.
 */
import { ZeroAddress } from "ethers";

import { mined } from "./transactions.js";
import type { CouncilContracts } from "./deployment.js";
import { signerOf } from "./deployment.js";
import { OpsError } from "./errors.js";
import { parseAddress, parseId } from "./input.js";
import { MemberStatus, memberLabel, readMember } from "./members.js";
import type { MemberRecord } from "./members.js";

export type Role = "voter" | "admin";

export interface NominationResult {
  member: MemberRecord;
  role: Role;
  nominee: string;
  tx: string;
}

/** Refuses an account already bound to another member (as admin, or as a voter now or before). */
async function requireFresh(c: CouncilContracts, account: string, member: MemberRecord): Promise<void> {
  for (const [role, id] of [
    ["admin", await c.registry.memberIdOfAdmin(account)],
    ["voter", await c.registry.memberIdOfVoter(account)],
  ] as const) {
    if (id !== 0n && id !== member.id) {
      throw new OpsError(
        `account ${account} is already bound to member ${id} (as ${role}); accounts are never shared between members: choose a fresh one`,
      );
    }
  }
}

/** The member's admin nominates `account` as its new voter or admin. */
export async function nominate(
  c: CouncilContracts,
  role: Role,
  options: { member: string; account: string },
): Promise<NominationResult> {
  const signer = signerOf(c);
  const sender = await signer.getAddress();
  const member = await readMember(c, parseId(options.member, "member id"));
  const nominee = parseAddress(options.account, `new ${role}`);
  if (member.admin !== sender) {
    throw new OpsError(
      `account ${sender} is not the admin of ${memberLabel(member)} (${member.admin} is); nominate from the admin account (--from)`,
    );
  }
  if (role === "voter" && member.status !== MemberStatus.Active && member.status !== MemberStatus.Candidate) {
    throw new OpsError(`${memberLabel(member)} has left the council: it has no voter to change`);
  }
  if (nominee === ZeroAddress) throw new OpsError(`the new ${role} cannot be the zero address`);
  if (nominee === (role === "voter" ? member.voter : member.admin)) {
    throw new OpsError(`${nominee} is already the ${role} of ${memberLabel(member)}`);
  }
  await requireFresh(c, nominee, member);
  const tx =
    role === "voter"
      ? await c.registry.connect(signer).proposeVoter(member.id, nominee)
      : await c.registry.connect(signer).proposeAdmin(member.id, nominee);
  const receipt = await mined(tx);
  return { member: await readMember(c, member.id), role, nominee, tx: receipt.hash };
}

/** What a nomination printed: who must accept, and how. */
export function nominationLines(r: NominationResult): string[] {
  const effective = r.role === "voter" && r.member.voter === r.nominee;
  return effective
    ? [`${r.nominee} is now the voter of ${memberLabel(r.member)}`, `  tx: ${r.tx}`]
    : [
        `Nominated ${r.nominee} as the ${r.role} of ${memberLabel(r.member)}`,
        `  it takes effect when that account accepts: council accept-${r.role} ${r.member.id} --from ${r.nominee}`,
        `  tx: ${r.tx}`,
      ];
}

/** The nominated account accepts becoming a member's (or candidate's) voter or admin. */
export async function acceptNomination(
  c: CouncilContracts,
  role: Role,
  options: { member: string },
): Promise<{ member: MemberRecord; tx: string }> {
  const signer = signerOf(c);
  const account = await signer.getAddress();
  const member = await readMember(c, parseId(options.member, "member id"));
  const pending =
    role === "voter" ? await c.registry.pendingVoter(member.id) : await c.registry.pendingAdmin(member.id);
  if (pending === ZeroAddress) {
    throw new OpsError(
      `${memberLabel(member)} has no ${role} nomination to accept; its admin nominates one first`,
    );
  }
  if (pending !== account) {
    throw new OpsError(
      `account ${account} is not the ${role} nominated for ${memberLabel(member)} (${pending} is); accept from that account (--from)`,
    );
  }
  const registry = c.registry.connect(signer);
  const tx = role === "voter" ? await registry.acceptVoter(member.id) : await registry.acceptAdmin(member.id);
  const receipt = await mined(tx);
  return { member: await readMember(c, member.id), tx: receipt.hash };
}
