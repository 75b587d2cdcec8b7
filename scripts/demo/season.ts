/**
 * One season of a Governance Council, on the in-process network: the system is deployed by the Ignition module
 * (deploy/parameters/hardhat.json: five members, the default settings of docs/architecture.md), then
 *   1. members bond stake;
 *   2. a candidate applies, bonds, is sponsored and admitted;
 *   3. the reserve is funded, a Treasury budget is approved and the secretariat pays twice out of it;
 *   4. a Constitutional change (a longer sponsorship window) passes with two thirds, one member voting by a signed
 *      ballot that the secretariat relays;
 *   5. a no-confidence motion removes a member;
 * and the final council and reserve are printed. Every step goes through the same library as the CLI tasks.
 */
import type { NetworkConnection } from "hardhat/types/network";

import CouncilGovernance from "../../deploy/modules/CouncilGovernance.js";
import { relayBallot, signBallot } from "../ops/ballots.js";
import { councilStatus, renderCouncilStatus } from "../ops/council.js";
import { actingAs, connectContracts } from "../ops/deployment.js";
import type { Addresses, CouncilContracts } from "../ops/deployment.js";
import { count, formatAmount, formatTime } from "../ops/format.js";
import { castVote, executeMotion, getMotion, queueMotion } from "../ops/motions.js";
import { argumentContext, encodeProposal, proposeMotion } from "../ops/proposals.js";
import { acceptVoter, apply, noConfidence, sponsor } from "../ops/membership.js";
import { budgetLines, listBudgets, reserveStatus, reserveStatusLines, spend } from "../ops/reserve.js";
import { deposit } from "../ops/stake.js";

/** Where the season's text goes. */
export type Print = (text: string) => void;

/** What the season leaves behind, for checks. */
export interface SeasonResult {
  contracts: CouncilContracts;
  admittedId: bigint;
  removedId: bigint;
  budgetId: bigint;
  payouts: bigint[];
  motions: bigint[];
}

const DAY = 86400n;

/** Runs the season on `connection` (the in-process network) with the module's hardhat parameters. */
export async function runSeason(
  connection: NetworkConnection,
  parameters: string,
  print: Print,
): Promise<SeasonResult> {
  const { ethers, networkHelpers } = connection;
  const signers = await ethers.getSigners();
  const [deployer, secretariat] = signers;
  const admins = signers.slice(3, 8);
  const voters = signers.slice(8, 13);
  const [candidateAdmin, candidateVoter, grantee, contractor] = signers.slice(13, 17);
  const coins = (n: string) => ethers.parseEther(n);
  const step = (title: string) => {
    print("");
    print(`== ${title}`);
  };
  const clock = async () => BigInt((await ethers.provider.getBlock("latest"))!.timestamp);

  step("Deploy: the whole system and a council of five, every role handed to the timelock");
  const d = await connection.ignition.deploy(CouncilGovernance, { parameters });
  const addresses = {} as Addresses;
  for (const [key, contract] of Object.entries(d))
    addresses[key as keyof Addresses] = await contract.getAddress();
  const c = await connectContracts(addresses, deployer);
  for (const [key, address] of Object.entries(addresses)) print(`  ${key.padEnd(9)} ${address}`);
  print(`  the deployer (${deployer.address}) holds no role: the timelock owns everything`);

  /** Proposes, waits for voting, collects votes, waits, queues, waits, executes; prints each stage. */
  const runMotion = async (
    id: bigint,
    votes: { voter: (typeof voters)[number]; support: number; ballot?: boolean }[],
  ): Promise<void> => {
    let view = await getMotion(c, id);
    print(`  motion ${id} (${view.motionClass}) is Pending; voting opens after ${formatTime(view.snapshot)}`);
    const ballots = [];
    for (const v of votes.filter((x) => x.ballot === true)) {
      ballots.push(await signBallot(actingAs(c, v.voter), id, v.support));
      print(`  ${v.voter.address} signs a ballot offline (no transaction, no gas)`);
    }
    await networkHelpers.time.increaseTo(view.snapshot + 1n);
    for (const ballot of ballots) {
      const r = await relayBallot(actingAs(c, secretariat), ballot);
      print(`  the secretariat relays it: member ${r.memberId} votes with ${count(r.weight, "vote")}`);
    }
    for (const v of votes.filter((x) => x.ballot !== true)) {
      const r = await castVote(actingAs(c, v.voter), id, v.support);
      print(
        `  member ${r.memberId} votes ${["against", "for", "abstain"][v.support]} with ${count(r.weight, "vote")}`,
      );
    }
    view = await getMotion(c, id);
    const cast = view.forVotes + view.againstVotes + view.abstainVotes;
    print(`  tally: For ${view.forVotes}, Against ${view.againstVotes}, Abstain ${view.abstainVotes}`);
    print(
      `  quorum: ${count(view.voters, "member")} voted (${view.memberQuorum} needed) or ${count(cast, "vote")} cast (${view.voteQuorum} needed)`,
    );
    await networkHelpers.time.increaseTo(view.deadline + 1n);
    const queued = await queueMotion(actingAs(c, secretariat), id);
    print(`  passed and queued; the timelock releases it at ${formatTime(queued.eta)}`);
    await networkHelpers.time.increaseTo(queued.eta);
    await executeMotion(actingAs(c, secretariat), id);
    print(`  executed on ${formatTime(await clock())}`);
  };

  step("Stake: members bond the native coin; one vote per 5,000,000 KAIA, capped at max(1, eligible - 1)");
  const unit = await c.vault.stakeUnit();
  const units = [3n, 2n, 2n, 1n, 1n];
  for (const [i, admin] of admins.entries()) {
    await networkHelpers.setBalance(admin.address, 10n * unit);
    const r = await deposit(actingAs(c, admin), { amount: String(units[i] * 5_000_000n) });
    print(`  member ${r.member.id} bonds ${formatAmount(r.amount)}`);
  }
  await networkHelpers.time.increase(1);
  for (const [i] of admins.entries()) {
    print(`  member ${i + 1}: ${count(await c.vault.memberVotes(BigInt(i + 1)), "vote")}`);
  }

  step("Admission: a candidate applies, bonds a stake unit, and member 1 sponsors it");
  await networkHelpers.setBalance(candidateAdmin.address, 2n * unit);
  const applied = await apply(actingAs(c, candidateAdmin), {
    name: "Kairos Builders",
    metadata: "https://builders.example/gc.json",
    voter: candidateVoter.address,
    nodes: "0x00000000000000000000000000000000000a0006",
  });
  const admittedId = applied.candidate.id;
  await acceptVoter(actingAs(c, candidateVoter), { member: String(admittedId) });
  await deposit(actingAs(c, candidateAdmin), { amount: "5000000" });
  print(
    `  "Kairos Builders" applied as candidate ${admittedId}, its voter accepted, and it bonded ${formatAmount(unit)}`,
  );
  const admission = (
    await sponsor(actingAs(c, voters[0]), {
      candidate: String(admittedId),
      description: "Admit Kairos Builders: runs two validators on Kairos since 2024",
    })
  ).proposalId;
  await runMotion(admission, [
    { voter: voters[0], support: 1 },
    { voter: voters[1], support: 1 },
    { voter: voters[2], support: 1 },
  ]);
  print(
    `  candidate ${admittedId} is now ${["None", "Candidate", "Active"][Number((await c.registry.getMember(admittedId)).status)]}`,
  );

  step(
    "Treasury: the reserve is funded; the council approves a budget; the secretariat pays twice out of it",
  );
  await networkHelpers.setBalance(deployer.address, 10n * unit);
  await (await deployer.sendTransaction({ to: addresses.reserve, value: coins("1000000") })).wait();
  print(`  the reserve holds ${formatAmount(await c.reserve.balanceOf(ethers.ZeroAddress))}`);
  const start = await clock();
  const budgetMotion = await proposeMotion(
    actingAs(c, secretariat),
    encodeProposal(
      await argumentContext(c),
      {
        description:
          "# Ecosystem budget\n\nGrants for tooling and audits this season, paid by the secretariat.",
        actions: [
          {
            contract: "ImprovementReserve",
            function: "approveBudget(bytes32,address,address,uint256,uint256,uint256)",
            args: [
              "ecosystem",
              ethers.ZeroAddress,
              secretariat.address,
              "300000 KAIA",
              String(start),
              String(start + 120n * DAY),
            ],
          },
        ],
      },
      "budget motion",
    ),
  );
  await runMotion(budgetMotion.motionId, [
    { voter: voters[0], support: 1 },
    { voter: voters[1], support: 1 },
    { voter: voters[3], support: 2 },
  ]);
  const budgetId = await c.reserve.budgetCount();
  const payouts = [coins("120000"), coins("80000")];
  for (const [i, to] of [grantee, contractor].entries()) {
    const before = await ethers.provider.getBalance(to.address);
    await spend(actingAs(c, secretariat), {
      budget: String(budgetId),
      recipient: to.address,
      amount: ethers.formatEther(payouts[i]),
      memo: `payout ${i + 1}`,
    });
    const received = (await ethers.provider.getBalance(to.address)) - before;
    print(`  payout ${i + 1}: ${formatAmount(received)} to ${to.address}`);
  }
  budgetLines(await listBudgets(c)).forEach((line) => print(`  ${line}`));

  step("Constitutional change: a 21-day sponsorship window; needs half the council and two thirds For");
  const constitutional = await proposeMotion(
    actingAs(c, voters[1]),
    encodeProposal(
      await argumentContext(c),
      {
        description: "# Longer sponsorship window\n\nCandidates need more time to find a sponsor.",
        actions: [
          { contract: "CouncilRegistry", function: "setSponsorshipWindow(uint256)", args: ["21 days"] },
        ],
      },
      "constitutional motion",
    ),
  );
  await runMotion(constitutional.motionId, [
    { voter: voters[0], support: 1 },
    { voter: voters[1], support: 1 },
    { voter: voters[2], support: 1, ballot: true },
    { voter: candidateVoter, support: 1 },
    { voter: voters[4], support: 0 },
  ]);
  print(`  the sponsorship window is now ${(await c.registry.sponsorshipWindow()) / DAY} days`);

  step("No confidence: member 2 moves no confidence in member 5, whose nodes have been offline for a month");
  const removedId = 5n;
  const noConfidence_ = await noConfidence(actingAs(c, voters[1]), {
    member: String(removedId),
    reason: "No confidence in member 5: its nodes have been offline for 30 days",
  });
  const noConfidenceId = noConfidence_.proposalId;
  print(`  member 5 is excluded from the vote and from the quorum`);
  print(`  member 5's stake is frozen until voting opens (${formatTime(noConfidence_.frozenUntil)})`);
  await runMotion(noConfidenceId, [
    { voter: voters[0], support: 1 },
    { voter: voters[1], support: 1 },
    { voter: voters[2], support: 1 },
    { voter: candidateVoter, support: 1 },
  ]);
  const removed = await c.registry.getMember(removedId);
  print(
    `  member 5 is now ${["None", "Candidate", "Active", "Removed", "Resigned"][Number(removed.status)]}; its stake stays its own to withdraw`,
  );

  step("Final council");
  print(renderCouncilStatus(await councilStatus(c)));

  step("Final reserve");
  reserveStatusLines(await reserveStatus(c)).forEach(print);

  return {
    contracts: c,
    admittedId,
    removedId,
    budgetId,
    payouts,
    motions: [admission, budgetMotion.motionId, constitutional.motionId, noConfidenceId],
  };
}
