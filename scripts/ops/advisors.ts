/**
 * Advisors' statements of opinion (AdvisorBoard): read a motion's opinions for `motion show`, and file one as an
 * advisor. Every refusal the contract would make is checked first and reported in one line.
 */
import { isHexString } from "ethers";

import type { AdvisorBoard } from "../../typechain-types/index.js";
import type { CouncilContracts } from "./deployment.js";
import { signerOf } from "./deployment.js";
import { OpsError } from "./errors.js";
import { formatTime, table } from "./format.js";
import { byteLength } from "./input.js";
import { SUPPORT, getMotion, sent, supportName, wrongState } from "./motions.js";
import type { Sent } from "./motions.js";

/** Entries read per call (the board's largest page). */
const PAGE = 100n;

/** One opinion as the CLI shows it. */
export interface OpinionView {
  advisor: string;
  name: string;
  recommendation: keyof typeof SUPPORT;
  filedAt: bigint;
  uri: string;
  contentHash: string;
}

/** The advisors' board, or a one-line error saying the deployment has none. */
export function advisorBoard(c: CouncilContracts): AdvisorBoard {
  if (c.advisors === undefined) {
    throw new OpsError(
      "this deployment has no advisors' board (CouncilGovernance#AdvisorBoard in the address file)",
    );
  }
  return c.advisors;
}

/** Every opinion filed on a motion, in filing order (read in pages); none when there is no board. */
export async function motionOpinions(c: CouncilContracts, motionId: bigint): Promise<OpinionView[]> {
  if (c.advisors === undefined) return [];
  const board = c.advisors;
  const count = await board.opinionCount(motionId);
  const views: OpinionView[] = [];
  for (let offset = 0n; offset < count; offset += PAGE) {
    for (const o of await board.opinions(motionId, offset, PAGE)) {
      views.push({
        advisor: o.advisor,
        name: await board.advisorName(o.advisor),
        recommendation: supportName(Number(o.recommendation)),
        filedAt: o.filedAt,
        uri: o.uri,
        contentHash: o.contentHash,
      });
    }
  }
  return views;
}

/** The opinions block of `motion show`: a table, or a line saying there are none. */
export function renderOpinions(opinions: OpinionView[]): string {
  if (opinions.length === 0) return "Advisors' opinions: none filed";
  const rows = opinions.map((o) => [
    o.name === "" ? `${o.advisor} (former advisor)` : `${o.name} ${o.advisor}`,
    o.recommendation,
    formatTime(o.filedAt),
    o.uri,
    o.contentHash,
  ]);
  return [
    `Advisors' opinions (${opinions.length}):`,
    table(["advisor", "recommends", "filed", "statement", "content hash"], rows),
  ].join("\n");
}

/** Files the sending advisor's opinion on a motion whose voting has not ended. */
export async function fileOpinion(
  c: CouncilContracts,
  motionId: bigint,
  recommendation: string,
  uri: string,
  contentHash: string,
): Promise<Sent> {
  const board = advisorBoard(c);
  const key = recommendation.trim().toLowerCase();
  if (!(key in SUPPORT)) {
    throw new OpsError(
      `recommendation "${recommendation}" is not one of: ${Object.keys(SUPPORT).join(", ")}`,
    );
  }
  const support = SUPPORT[key as keyof typeof SUPPORT];
  const signer = signerOf(c);
  const account = await signer.getAddress();
  const length = byteLength(uri);
  if (length === 0 || length > 256) {
    throw new OpsError(`the statement URI must be 1 to 256 bytes (got ${length}): pass --uri ipfs://…`);
  }
  if (!isHexString(contentHash, 32) || BigInt(contentHash) === 0n) {
    throw new OpsError(
      `the content hash must be a non-zero 32-byte hex value (got "${contentHash}"): e.g. the statement's sha256 or keccak256`,
    );
  }
  const view = await getMotion(c, motionId);
  if (view.state !== "Pending" && view.state !== "Active") {
    throw wrongState(view, "filing an opinion", ["Pending", "Active"]);
  }
  if (!(await board.isAdvisor(account))) {
    throw new OpsError(`account ${account} is not an advisor: only appointed advisors file opinions`);
  }
  const [filed] = await board.opinionOf(motionId, account);
  if (filed)
    throw new OpsError(`advisor ${account} already filed its opinion on motion ${motionId}; one per motion`);
  return sent(await board.connect(signer).fileOpinion(motionId, support, uri, contentHash));
}
