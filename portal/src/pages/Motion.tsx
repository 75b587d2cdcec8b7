/** One motion: description, decoded actions and their classes, timeline, quorum, votes, code pins and actions. */
import { useQuery } from "@tanstack/react-query";
import { Suspense, lazy, useMemo, useState } from "react";
import { useParams } from "react-router";
import { getAddress, isAddress, isHex, keccak256, toBytes } from "viem";
import type { Address, Hex } from "viem";
import { useConfig } from "wagmi";
import { signTypedData } from "wagmi/actions";

import { CouncilGovernorAbi, describeError } from "../abi";
import { BALLOT_FORMAT, ballotSignature, ballotTypedData, ballotVoter, parseBallot } from "../ballots";
import type { Ballot } from "../ballots";
import { usePortal } from "../context";
import { useExtension } from "../community";
import { useCouncil, useHistory, useMotion, useNames, useNow, voterMembers } from "../data";
import type { MotionFull } from "../data";
import { CLASS_NAMES, SUPPORT_NAMES, bps, formatTime, relative, titleOf } from "../format";
import { Action, download, usePrecheck } from "../tx";
import type { Call } from "../tx";
import { ActionList } from "../ui/actions";
import { Addr, Failed, HistoryGaps, Loading, MemberLink, Progress } from "../ui/common";
import { CallForExtension, ExtensionLine, Opinions, VetoLine } from "../ui/opinions";
import { useAccount } from "../wallet";

const Markdown = lazy(() => import("../ui/Markdown"));

export default function MotionPage() {
  const params = useParams();
  const id = /^\d+$/.test(params.id ?? "") ? BigInt(params.id as string) : 0n;
  const motion = useMotion(id);
  if (id === 0n) return <p role="alert">Motion ids are numbers.</p>;
  if (motion.isPending) return <Loading what={`motion ${id}`} />;
  if (motion.isError) return <Failed what={`motion ${id}`} error={motion.error} />;
  return <MotionView id={id} full={motion.data} />;
}

function MotionView({ id, full }: { id: bigint; full: MotionFull }) {
  const { config } = usePortal();
  const names = useNames();
  const now = useNow();
  const council = useCouncil().data;
  const history = useHistory();
  const m = full.motion;
  const p = full.proposal;
  const cfg = council?.classConfigs[CLASS_NAMES.indexOf(m.motionClass)];
  const cast = m.forVotes + m.againstVotes + m.abstainVotes;

  const votes = useMemo(() => {
    if (council === undefined) return [];
    const voters = voterMembers(council, history.data?.events ?? []);
    return (history.data?.events ?? [])
      .filter((e) => e.eventName === "VoteCast" && e.args.proposalId === id)
      .map((e) => {
        const memberId = voters.get(String(e.args.voter).toLowerCase());
        return {
          voter: String(e.args.voter),
          memberId,
          member: council.members.find((x) => x.id === memberId)?.name,
          support: Number(e.args.support),
          weight: e.args.weight as bigint,
          reason: String(e.args.reason),
          tx: e.transactionHash,
        };
      });
  }, [council, history.data, id]);

  const lifecycle: Call | undefined =
    p === undefined
      ? undefined
      : {
          address: config.addresses.governor,
          abi: CouncilGovernorAbi,
          functionName: "queue",
          args: [p.targets, p.values, p.calldatas, keccak256(toBytes(p.description))],
        };

  const extension = useExtension(id).data;
  // A members' extension is shown on its own line; the late-quorum extension is what moved the deadline otherwise.
  const extended =
    p !== undefined &&
    m.deadline > p.voteEnd &&
    (extension == null || extension.extendedDeadline === 0n || m.deadline > extension.extendedDeadline);
  const subject = m.subjectMemberId !== 0n ? council?.members.find((x) => x.id === m.subjectMemberId) : undefined;

  return (
    <>
      <h1>
        Motion {id.toString()}: {p !== undefined ? titleOf(p.description) : ""}
      </h1>
      <HistoryGaps history={history.data} />
      <dl>
        <dt>State</dt>
        <dd data-testid="motion-state">{m.state}</dd>
        <dt>Class</dt>
        <dd data-testid="motion-class">
          {m.motionClass}
          {cfg !== undefined &&
            ` — quorum ${bps(cfg.memberQuorumBps)} of members or ${bps(cfg.voteQuorumBps)} of votes; approval For ≥ ${cfg.approvalNumerator}/${cfg.approvalDenominator} of votes cast (and more than Against + Abstain)`}
        </dd>
        <dt>Proposer</dt>
        <dd>
          <Addr address={m.proposer} names={names} />
        </dd>
        {subject !== undefined && (
          <>
            <dt>{m.motionClass === "Admission" ? "Candidate" : "Target"}</dt>
            <dd>
              <MemberLink id={subject.id}>{subject.name}</MemberLink> (member {subject.id.toString()})
            </dd>
          </>
        )}
      </dl>
      {full.proposalError !== undefined && (
        <p role="alert" className="error">
          {full.proposalError}
        </p>
      )}
      {p !== undefined && (
        <section aria-labelledby="desc">
          <h2 id="desc">Description</h2>
          <Suspense fallback={<pre>{p.description}</pre>}>
            <Markdown text={p.description} />
          </Suspense>
        </section>
      )}
      {p !== undefined && (
        <section aria-labelledby="actions">
          <h2 id="actions">Actions</h2>
          {m.motionClass === "Admission" || m.motionClass === "No-confidence" ? (
            <p className="muted">
              A {m.motionClass} motion is opened through its own entry point; its class is fixed by that entry point.
            </p>
          ) : null}
          <ActionList
            actions={p.targets.map((t, i) => ({ target: t, value: p.values[i], data: p.calldatas[i] }))}
            names={names}
            showClass={m.motionClass !== "Admission" && m.motionClass !== "No-confidence"}
          />
          <p data-testid="code-pin">
            Code pin ({p.targets.length} target{p.targets.length === 1 ? "" : "s"}):{" "}
            {full.codeDigest === undefined || full.currentDigest === undefined
              ? "unknown"
              : full.codeDigest === full.currentDigest
                ? "unchanged since the motion was proposed ✓"
                : "CHANGED since the motion was proposed — execution will revert (GovernorTargetCodeChanged)"}
          </p>
        </section>
      )}
      <section aria-labelledby="timeline">
        <h2 id="timeline">Timeline</h2>
        <dl>
          <dt>Created</dt>
          <dd>
            {formatTime(full.createdAt)} (block {m.createdBlock.toString()})
          </dd>
          <dt>Voting opens</dt>
          <dd>
            {formatTime(m.snapshot + 1n)} (snapshot {formatTime(m.snapshot)})
          </dd>
          <dt>Deadline</dt>
          <dd>
            {formatTime(m.deadline)}
            {now !== undefined && ` (${relative(m.deadline, now)})`}
            {extended && p !== undefined && ` — extended by late quorum from ${formatTime(p.voteEnd)}`}
            {!extended && full.lateQuorumExtension > 0n && ` (extends if quorum is first reached late)`}
          </dd>
          <ExtensionLine id={id} deadline={m.deadline} />
          <dt>ETA</dt>
          <dd>{m.eta === 0n ? "not queued" : formatTime(m.eta)}</dd>
          {(m.motionClass === "Admission" || m.motionClass === "No-confidence") && <VetoLine id={id} />}
          <dt>Expiry</dt>
          <dd>
            {m.state === "Succeeded"
              ? `unless queued by ${formatTime(m.deadline + full.queueWindow)}`
              : m.eta !== 0n
                ? `unless executed by ${formatTime(m.eta + full.executionWindow)}`
                : m.state === "Pending" || m.state === "Active"
                  ? `a passed motion must be queued within ${Number(full.queueWindow) / 86400} days of the deadline`
                  : "—"}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="tally">
        <h2 id="tally">Tally and quorum</h2>
        <dl data-testid="tally">
          <dt>For</dt>
          <dd data-testid="tally-for">{m.forVotes.toString()}</dd>
          <dt>Against</dt>
          <dd data-testid="tally-against">{m.againstVotes.toString()}</dd>
          <dt>Abstain</dt>
          <dd data-testid="tally-abstain">{m.abstainVotes.toString()}</dd>
          <dt>Voters</dt>
          <dd data-testid="tally-voters">{m.voters.toString()}</dd>
          <dt>Quorum by members</dt>
          <dd>
            {m.memberQuorum === 0n ? (
              "set at the snapshot"
            ) : (
              <Progress value={m.voters} of={m.memberQuorum} label="Voters toward the member quorum" />
            )}
          </dd>
          <dt>Quorum by votes</dt>
          <dd>
            {m.voteQuorum === 0n ? (
              "set at the snapshot"
            ) : (
              <Progress value={cast} of={m.voteQuorum} label="Votes cast toward the vote quorum" />
            )}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="votes">
        <h2 id="votes">Votes</h2>
        {votes.length === 0 ? (
          <p>No votes yet.</p>
        ) : (
          <table aria-label="Votes cast">
            <thead>
              <tr>
                <th>Member</th>
                <th>Voter</th>
                <th>Vote</th>
                <th className="num">Weight</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {votes.map((v) => (
                <tr key={v.tx + v.voter}>
                  <td>
                    {v.memberId !== undefined ? (
                      <MemberLink id={v.memberId}>{v.member ?? `member ${v.memberId}`}</MemberLink>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>
                    <Addr address={v.voter} />
                  </td>
                  <td>{SUPPORT_NAMES[v.support]}</td>
                  <td className="num">{v.weight.toString()}</td>
                  <td>{v.reason === "" ? <span className="muted">—</span> : v.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Opinions id={id} state={m.state} names={names} />
      <section aria-labelledby="act">
        <h2 id="act">Act on this motion</h2>
        {(m.state === "Pending" || m.state === "Active") && <VotePanel id={id} />}
        {(m.state === "Pending" || m.state === "Active") && <SignPanel id={id} />}
        {(m.state === "Pending" || m.state === "Active") && <SafeBallotPanel id={id} />}
        {m.state === "Active" && <RelayPanel />}
        {m.state === "Active" && <CallForExtension id={id} />}
        {m.state === "Succeeded" && lifecycle !== undefined && (
          <Action label="Queue" what="queue this motion" call={lifecycle} />
        )}
        {m.state === "Queued" && lifecycle !== undefined && (
          <Action label="Execute" what="execute this motion" call={{ ...lifecycle, functionName: "execute" }} />
        )}
        {(m.state === "Pending" || m.state === "Active" || m.state === "Succeeded" || m.state === "Queued") &&
          lifecycle !== undefined && (
            <Action
              label="Cancel motion"
              what="cancel this motion (the proposer while Pending, or the guardian)"
              call={{ ...lifecycle, functionName: "cancel" }}
            />
          )}
        {["Canceled", "Defeated", "Expired", "Executed"].includes(m.state) && (
          <p>This motion is {m.state}: nothing more can happen to it.</p>
        )}
      </section>
    </>
  );
}

function VotePanel({ id }: { id: bigint }) {
  const { config } = usePortal();
  const [reason, setReason] = useState("");
  const call = (support: number): Call => ({
    address: config.addresses.governor,
    abi: CouncilGovernorAbi,
    functionName: "castVoteWithReason",
    args: [id, support, reason],
  });
  const check = usePrecheck(call(1));
  return (
    <div className="card">
      <h3>Vote</h3>
      {check.ok === false ? (
        <p className="why-not">You cannot vote now: {check.reason}</p>
      ) : (
        <>
          <label>
            Reason (optional, recorded on chain)
            <textarea rows={2} cols={60} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <Action label="Vote For" what="vote" call={call(1)} />
          <Action label="Vote Against" what="vote" call={call(0)} />
          <Action label="Vote Abstain" what="vote" call={call(2)} />
        </>
      )}
    </div>
  );
}

/** A vote choice for a ballot: For, Against or Abstain (Bravo's 1, 0, 2). */
function SupportSelect({ label, value, onChange }: { label: string; value: number; onChange: (v: number) => void }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        <option value={1}>For</option>
        <option value={0}>Against</option>
        <option value={2}>Abstain</option>
      </select>
    </label>
  );
}

function SignPanel({ id }: { id: bigint }) {
  const { client, config, chain } = usePortal();
  const wagmiConfig = useConfig();
  const { address } = useAccount();
  const [reason, setReason] = useState("");
  const [support, setSupport] = useState(1);
  const [ballot, setBallot] = useState<Ballot>();
  const [error, setError] = useState<string>();
  // The same rule as voting: the contract decides whether this account's vote would count.
  const check = usePrecheck({
    address: config.addresses.governor,
    abi: CouncilGovernorAbi,
    functionName: "castVoteWithReason",
    args: [id, support, reason],
  });

  async function sign() {
    if (address === undefined) return;
    setError(undefined);
    try {
      const g = { address: config.addresses.governor, abi: CouncilGovernorAbi } as const;
      const [domain, nonce] = await Promise.all([
        client.readContract({ ...g, functionName: "eip712Domain" }),
        client.readContract({ ...g, functionName: "nonces", args: [address] }),
      ]);
      const d = { name: domain[1], version: domain[2], chainId: Number(domain[3]), verifyingContract: domain[4] };
      const unsigned: Ballot = {
        format: BALLOT_FORMAT,
        chainId: String(chain.id),
        governor: config.addresses.governor,
        proposalId: id.toString(),
        support,
        voter: address,
        nonce: nonce.toString(),
        reason,
        signature: "",
      };
      const typed = ballotTypedData(unsigned);
      const signature: Hex =
        typed.primaryType === "Ballot"
          ? await signTypedData(wagmiConfig, { domain: d, ...typed })
          : await signTypedData(wagmiConfig, { domain: d, ...typed });
      setBallot({ ...unsigned, signature });
    } catch (e) {
      setError(describeError(e));
    }
  }

  return (
    <div className="card">
      <h3>Sign a ballot</h3>
      <p className="muted">
        Sign your vote without sending a transaction; anyone can relay the file later and pay the gas.
      </p>
      {check.ok === false ? (
        <p className="why-not">You cannot sign a ballot now: {check.reason}</p>
      ) : (
        <>
          <SupportSelect label="Your ballot's vote" value={support} onChange={setSupport} />
          <label>
            Your ballot's reason (optional)
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="button" onClick={() => void sign()} disabled={check.ok !== true}>
            Sign ballot
          </button>
        </>
      )}
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {ballot !== undefined && (
        <div>
          <p role="status" className="ok">
            Ballot signed. Download it or copy it to whoever relays it.
          </p>
          <label>
            Signed ballot
            <textarea readOnly rows={6} cols={80} value={JSON.stringify(ballot, null, 2)} />
          </label>
          <button
            type="button"
            className="secondary"
            onClick={() => download(`ballot-${id}-${ballot.voter}.json`, ballot)}
          >
            Download ballot
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * A ballot for a Safe (or any contract voter): the governor checks its signature through ERC-1271. The page shows
 * the EIP-712 data to sign in the Safe (its owners sign the Safe's message for it), and turns the signature the Safe
 * returns into a ballot file anyone can relay. Whether the Safe's member may vote is asked of the contract.
 */
function SafeBallotPanel({ id }: { id: bigint }) {
  const { client, config, chain } = usePortal();
  const [safe, setSafe] = useState("");
  const [support, setSupport] = useState(1);
  const [reason, setReason] = useState("");
  const [signature, setSignature] = useState("");
  const voter = isAddress(safe.trim()) ? getAddress(safe.trim()) : undefined;
  const data = useQuery({
    queryKey: ["safeBallot", voter ?? "", String(id), support, reason],
    enabled: voter !== undefined,
    retry: false,
    queryFn: async () => {
      const g = { address: config.addresses.governor, abi: CouncilGovernorAbi } as const;
      const [domain, nonce] = await Promise.all([
        client.readContract({ ...g, functionName: "eip712Domain" }),
        client.readContract({ ...g, functionName: "nonces", args: [voter as Address] }),
      ]);
      let refusal: string | undefined;
      try {
        await client.simulateContract({
          ...g,
          functionName: "castVoteWithReason",
          args: [id, support, reason],
          account: voter,
        });
      } catch (e) {
        refusal = describeError(e);
      }
      const { primaryType, types, message } = ballotTypedData({
        format: BALLOT_FORMAT,
        chainId: String(chain.id),
        governor: config.addresses.governor,
        proposalId: id.toString(),
        support,
        voter: voter as string,
        nonce: nonce.toString(),
        reason,
        signature: "",
      });
      const typed = {
        domain: { name: domain[1], version: domain[2], chainId: Number(domain[3]), verifyingContract: domain[4] },
        types,
        primaryType,
        message: { ...message, proposalId: message.proposalId.toString(), nonce: message.nonce.toString() },
      };
      return { typed, nonce, refusal };
    },
  });
  const ballot: Ballot | undefined =
    voter !== undefined && data.data !== undefined && isHex(signature.trim()) && signature.trim().length > 2
      ? {
          format: BALLOT_FORMAT,
          chainId: String(chain.id),
          governor: config.addresses.governor,
          proposalId: id.toString(),
          support,
          voter,
          nonce: data.data.nonce.toString(),
          reason,
          signature: signature.trim(),
        }
      : undefined;
  return (
    <details className="card">
      <summary>Ballot for a Safe (ERC-1271)</summary>
      <label>
        Safe address (the member's voter account)
        <input value={safe} onChange={(e) => setSafe(e.target.value)} size={44} />
      </label>
      <SupportSelect label="Safe ballot vote" value={support} onChange={setSupport} />
      <label>
        Safe ballot reason (optional)
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      {data.data?.refusal !== undefined && <p className="why-not">This Safe cannot vote now: {data.data.refusal}</p>}
      {data.data !== undefined && data.data.refusal === undefined && (
        <>
          <label>
            EIP-712 data for the Safe to sign
            <textarea readOnly rows={6} cols={80} value={JSON.stringify(data.data.typed, null, 2)} />
          </label>
          <button
            type="button"
            className="secondary"
            onClick={() => download(`safe-ballot-${id}-typed-data.json`, data.data.typed)}
          >
            Download typed data
          </button>
          <label>
            Signature returned by the Safe (0x…)
            <input value={signature} onChange={(e) => setSignature(e.target.value)} size={60} />
          </label>
          {ballot !== undefined && (
            <button
              type="button"
              className="secondary"
              onClick={() => download(`ballot-${id}-${ballot.voter}.json`, ballot)}
            >
              Download Safe ballot
            </button>
          )}
        </>
      )}
    </details>
  );
}

function RelayPanel() {
  const { config, chain } = usePortal();
  const [text, setText] = useState("");
  const parsed = text.trim() === "" ? undefined : parseBallot(text);
  let problem: string | undefined;
  let call: Call | undefined;
  if (typeof parsed === "string") problem = parsed;
  else if (parsed !== undefined) {
    if (parsed.chainId !== String(chain.id)) problem = `The ballot is for chain ${parsed.chainId}, not ${chain.id}.`;
    else if (parsed.governor.toLowerCase() !== config.addresses.governor.toLowerCase())
      problem = `The ballot is for another governor (${parsed.governor}).`;
    else
      call =
        parsed.reason === ""
          ? {
              address: config.addresses.governor,
              abi: CouncilGovernorAbi,
              functionName: "castVoteBySig",
              args: [BigInt(parsed.proposalId), parsed.support, ballotVoter(parsed), ballotSignature(parsed)],
            }
          : {
              address: config.addresses.governor,
              abi: CouncilGovernorAbi,
              functionName: "castVoteWithReasonAndParamsBySig",
              args: [
                BigInt(parsed.proposalId),
                parsed.support,
                ballotVoter(parsed),
                parsed.reason,
                "0x",
                ballotSignature(parsed),
              ],
            };
  }
  return (
    <div className="card">
      <h3>Relay a ballot</h3>
      <label>
        Ballot file
        <input
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f !== undefined) void f.text().then(setText);
          }}
        />
      </label>
      <label>
        Ballot JSON
        <textarea rows={4} cols={80} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      {problem !== undefined && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {call !== undefined && <Action label="Relay ballot" what="relay this ballot" call={call} />}
    </div>
  );
}
