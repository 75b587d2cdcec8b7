/**
 * Community: petitions (KGP-7 on chain) and the veto phase. Lists petitions live and ended with their window,
 * support, opposition, threshold, bond and state; opens a petition with its bond; locks for or against; settles
 * (a qualified petition opens its motion); withdraws; reclaims the bond. The veto section shows the phase, its window
 * and threshold, and the queued membership motions holders may lock against or for. Every rule is read from the
 * contracts, and every action is checked against them first (tx.tsx).
 */
import { useState } from "react";
import { Link } from "react-router";
import { parseEventLogs } from "viem";
import type { Address, TransactionReceipt } from "viem";

import { CommunityPetitionsAbi, CommunityVetoAbi } from "../abi";
import { assetUnits, parseAssetAmount, PETITION_KINDS, useCommunity, usePetitions, useVetoMotions } from "../community";
import type { Asset, Community, PetitionRow, VetoRow } from "../community";
import { useCouncil, useNow } from "../data";
import type { Council } from "../data";
import { CLASS_NAMES, formatDuration, formatTime, relative, sameAddress, titleOf } from "../format";
import { Action } from "../tx";
import type { Call } from "../tx";
import { Failed, Loading, MemberLink, MemberSelect } from "../ui/common";
import { AmountError, Approve, useApproval } from "../ui/locking";
import { useAccount } from "../wallet";

export default function CommunityPage() {
  const community = useCommunity();
  const council = useCouncil();
  const now = useNow();
  if (community.isPending || council.isPending) return <Loading what="the community contracts" />;
  if (community.isError) return <Failed what="the community contracts" error={community.error} />;
  if (council.isError) return <Failed what="the council" error={council.error} />;
  if (community.data === null) {
    return (
      <>
        <h1>Community</h1>
        <p>This deployment has no community petitions contract (the motion policy names none).</p>
      </>
    );
  }
  const c = community.data;
  return (
    <>
      <h1>Community</h1>
      <Rules c={c} council={council.data} />
      <Petitions c={c} council={council.data} now={now} />
      <OpenPetition c={c} council={council.data} />
      <Veto c={c} now={now} />
    </>
  );
}

function amount(value: bigint, asset: Asset): string {
  return `${assetUnits(value, asset)} ${asset.symbol}`;
}

function Rules({ c, council }: { c: Community; council: Council }) {
  const admission = council.classConfigs[CLASS_NAMES.indexOf("Admission")];
  const noConfidence = council.classConfigs[CLASS_NAMES.indexOf("No-confidence")];
  return (
    <section aria-labelledby="rules">
      <h2 id="rules">Rules (read from the contracts)</h2>
      <dl data-testid="community-rules">
        <dt>Petition window</dt>
        <dd>
          {formatDuration(c.window)}; an admission petition closes at least {formatDuration(c.settlementTime)} before
          the application's sponsorship window does
        </dd>
        <dt>Petition threshold</dt>
        <dd data-testid="petition-threshold">
          support of at least {amount(c.threshold, c.asset)}, and more support than opposition
        </dd>
        <dt>Petition bond</dt>
        <dd data-testid="petition-bond">
          {c.bond === 0n
            ? "none"
            : `${amount(c.bond, c.asset)}, back after settlement unless support stays below ${amount(
                c.threshold / c.tinySupportDivisor,
                c.asset,
              )} (then it goes to the Improvement Reserve)`}
        </dd>
        <dt>Veto phase</dt>
        <dd data-testid="veto-phase">
          {c.veto === undefined
            ? "no veto contract"
            : c.vetoOn
              ? "on: holders may veto a passed Admission or No-confidence motion while it waits in the timelock"
              : "off (a Constitutional motion switches it on)"}
        </dd>
        {c.veto !== undefined && (
          <>
            <dt>Veto window</dt>
            <dd data-testid="veto-window">
              {formatDuration(c.vetoWindow)} after the motion is queued (never past its ETA); Admission and
              No-confidence timelock delays: {formatDuration(admission?.timelockDelay ?? 0)},{" "}
              {formatDuration(noConfidence?.timelockDelay ?? 0)}
              {c.vetoWindowFits
                ? " (the window fits them)"
                : " (the window does not fit them: they must be raised before the phase can be switched on)"}
            </dd>
            <dt>Veto threshold</dt>
            <dd data-testid="veto-threshold">
              opposition of at least {amount(c.vetoThreshold, c.asset)}, and more opposition than support
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function subjectName(council: Council, id: bigint): string {
  return council.members.find((m) => m.id === id)?.name ?? `member ${id}`;
}

function petitionState(p: PetitionRow, now: bigint | undefined): string {
  if (p.status === "Open") return now !== undefined && now >= p.closesAt ? "closed, not settled" : "open";
  if (p.status === "Qualified") return "qualified";
  if (p.status === "Failed") return p.bondForfeited ? "failed (bond forfeited)" : "failed";
  return p.status === "Lapsed" ? "lapsed (the subject left)" : p.status;
}

function Petitions({ c, council, now }: { c: Community; council: Council; now?: bigint }) {
  const petitions = usePetitions(c);
  const { address } = useAccount();
  const [settled, setSettled] = useState<{ petition: bigint; motion: bigint }>();
  if (petitions.isPending) return <Loading what="the petitions" />;
  if (petitions.isError) return <Failed what="the petitions" error={petitions.error} />;
  const rows = petitions.data;
  const actionable = rows.filter(
    (p) =>
      p.status === "Open" ||
      (p.lock !== undefined && !p.lock.withdrawn) ||
      (sameAddress(p.opener, address) && p.bond > 0n && !p.bondForfeited && !p.bondReclaimed),
  );
  return (
    <section aria-labelledby="petitions">
      <h2 id="petitions">Petitions</h2>
      {settled !== undefined && (
        <p role="status" className="ok" data-testid="petition-motion">
          Petition {settled.petition.toString()} qualified: the council's{" "}
          <Link to={`/motions/${settled.motion}`}>motion {settled.motion.toString()}</Link> is open.
        </p>
      )}
      {rows.length === 0 ? (
        <p>No petitions yet.</p>
      ) : (
        <table aria-label="Petitions">
          <thead>
            <tr>
              <th>Petition</th>
              <th>Subject</th>
              <th>Window</th>
              <th className="num">Support</th>
              <th className="num">Opposition</th>
              <th className="num">Threshold</th>
              <th className="num">Bond</th>
              <th>State</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id.toString()} data-petition-id={p.id.toString()}>
                <td>
                  {p.id.toString()}: {titleOf(p.description)}
                </td>
                <td>
                  {p.kind === "Admission" ? "admit " : "no confidence in "}
                  <MemberLink id={p.subject}>{subjectName(council, p.subject)}</MemberLink> ({p.subject.toString()})
                </td>
                <td>
                  closes {formatTime(p.closesAt)}
                  {now !== undefined && ` (${relative(p.closesAt, now)})`}
                </td>
                <td className="num">{amount(p.support, c.asset)}</td>
                <td className="num">{amount(p.opposition, c.asset)}</td>
                <td className="num">{amount(p.threshold, c.asset)}</td>
                <td className="num">{p.bond === 0n ? "none" : amount(p.bond, c.asset)}</td>
                <td data-testid="petition-state">
                  {petitionState(p, now)}
                  {p.motionId !== 0n && (
                    <>
                      {": "}
                      <Link to={`/motions/${p.motionId}`}>motion {p.motionId.toString()}</Link>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {actionable.map((p) => (
        <PetitionCard
          key={p.id.toString()}
          c={c}
          p={p}
          subject={subjectName(council, p.subject)}
          now={now}
          onSettled={(motion) => setSettled({ petition: p.id, motion })}
        />
      ))}
    </section>
  );
}

function PetitionCard({
  c,
  p,
  subject,
  now,
  onSettled,
}: {
  c: Community;
  p: PetitionRow;
  subject: string;
  now?: bigint;
  onSettled: (motion: bigint) => void;
}) {
  const { address } = useAccount();
  const [text, setText] = useState("");
  const parsed = parseAssetAmount(text, c.asset);
  const value = typeof parsed === "bigint" ? parsed : undefined;
  const ready = useApproval(c.asset, c.petitions, value);
  const open = p.status === "Open" && now !== undefined && now < p.closesAt;
  const pc = { address: c.petitions, abi: CommunityPetitionsAbi } as const;
  const lock = (support: boolean): Call | undefined =>
    value === undefined || !ready
      ? undefined
      : { ...pc, functionName: "lock", args: [p.id, support, value], value: c.asset.native ? value : 0n };
  const onSettle = (receipt: TransactionReceipt) => {
    const event = parseEventLogs({ abi: CommunityPetitionsAbi, logs: receipt.logs, eventName: "PetitionSettled" })[0];
    if (event !== undefined && event.args.motionId !== 0n) onSettled(event.args.motionId);
  };
  const id = p.id.toString();
  // Which actions apply depends on the chain's time: wait for it rather than offer the wrong ones.
  if (now === undefined) return null;
  return (
    <div className="card" data-testid={`petition-${id}`}>
      <h3>
        Petition {id}: {p.kind === "Admission" ? "admit" : "no confidence in"} {subject}
      </h3>
      {p.lock !== undefined && (
        <p data-testid={`petition-${id}-lock`}>
          Your lock: {amount(p.lock.amount, c.asset)} {p.lock.support ? "for" : "against"}
          {p.lock.withdrawn ? " (withdrawn)" : ""}
        </p>
      )}
      {open && (
        <>
          <label>
            Amount to lock on petition {id} ({c.asset.symbol})
            <input value={text} onChange={(e) => setText(e.target.value)} inputMode="decimal" />
          </label>
          <AmountError parsed={parsed} />
          {value !== undefined && !ready && address !== undefined && (
            <Approve asset={c.asset} spender={c.petitions} amount={value} what={`petition ${id}`} />
          )}
          <p className="muted">
            Locked coin stays locked until the close ({formatTime(p.closesAt)}), on one side only; then it comes back
            whatever the result.
          </p>
          <Action label={`Back petition ${id}`} what={`back petition ${id}`} call={lock(true)} />
          <Action label={`Oppose petition ${id}`} what={`oppose petition ${id}`} call={lock(false)} />
        </>
      )}
      {!open && p.status === "Open" && (
        <Action
          label={`Settle petition ${id}`}
          what={`settle petition ${id}`}
          call={{ ...pc, functionName: "settle", args: [p.id] }}
          onDone={onSettle}
        />
      )}
      {!open && p.lock !== undefined && !p.lock.withdrawn && (
        <Action
          label={`Withdraw from petition ${id}`}
          what={`withdraw from petition ${id}`}
          call={{ ...pc, functionName: "withdraw", args: [p.id] }}
        />
      )}
      {p.status !== "Open" && sameAddress(p.opener, address) && p.bond > 0n && !p.bondForfeited && !p.bondReclaimed && (
        <Action
          label={`Reclaim the bond of petition ${id}`}
          what={`reclaim the bond of petition ${id}`}
          call={{ ...pc, functionName: "reclaimBond", args: [p.id] }}
        />
      )}
    </div>
  );
}

function OpenPetition({ c, council }: { c: Community; council: Council }) {
  const { address } = useAccount();
  const [kind, setKind] = useState<(typeof PETITION_KINDS)[number]>("No-confidence");
  const [subject, setSubject] = useState("");
  const [description, setDescription] = useState("");
  const ready = useApproval(c.asset, c.petitions, c.bond === 0n ? undefined : c.bond);
  const choices = council.members.filter((m) =>
    kind === "Admission" ? m.status === "Candidate" && m.applicationOpen : m.status === "Active",
  );
  const chosen = choices.find((m) => m.id.toString() === subject);
  const call: Call | undefined =
    chosen === undefined || description.trim() === "" || !ready
      ? undefined
      : {
          address: c.petitions,
          abi: CommunityPetitionsAbi,
          functionName: kind === "Admission" ? "openAdmission" : "openNoConfidence",
          args: [chosen.id, description],
          value: c.asset.native ? c.bond : 0n,
        };
  return (
    <section aria-labelledby="open-petition">
      <h2 id="open-petition">Open a petition</h2>
      <p className="muted">
        Anyone may open one petition per subject while none is open on it. It posts a bond of{" "}
        {c.bond === 0n ? "nothing" : amount(c.bond, c.asset)}; the description (up to {c.maxDescription.toString()}{" "}
        bytes) becomes the motion's description.
      </p>
      <label>
        Petition kind
        <select
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as (typeof PETITION_KINDS)[number]);
            setSubject("");
          }}
        >
          <option value="Admission">Admission of an open applicant</option>
          <option value="No-confidence">No confidence in a member</option>
        </select>
      </label>
      <MemberSelect label="Petition subject" members={choices} value={subject} onChange={setSubject} />
      <label>
        Petition description
        <textarea rows={3} cols={70} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      {!ready && address !== undefined && (
        <Approve asset={c.asset} spender={c.petitions} amount={c.bond} what="the bond" />
      )}
      <Action
        label="Open petition"
        what="open this petition"
        call={call}
        onDone={() => {
          setSubject("");
          setDescription("");
        }}
      />
    </section>
  );
}

function Veto({ c, now }: { c: Community; now?: bigint }) {
  const motions = useVetoMotions(c);
  if (c.veto === undefined) return null;
  return (
    <section aria-labelledby="veto">
      <h2 id="veto">Community veto</h2>
      {!c.vetoOn && (
        <p>
          The veto phase is off: no new veto campaign can start until a Constitutional motion switches it on. Campaigns
          already running keep their locks withdrawable.
        </p>
      )}
      {motions.isPending && <Loading what="the membership motions" />}
      {motions.isError && <Failed what="the membership motions" error={motions.error} />}
      {motions.data !== undefined &&
        (motions.data.length === 0 ? (
          <p>No Admission or No-confidence motion is waiting in the timelock.</p>
        ) : (
          <>
            <table aria-label="Membership motions in the timelock">
              <thead>
                <tr>
                  <th>Motion</th>
                  <th>State</th>
                  <th>ETA</th>
                  <th>Veto window ends</th>
                  <th className="num">Opposition</th>
                  <th className="num">Support</th>
                  <th>Veto</th>
                </tr>
              </thead>
              <tbody>
                {motions.data.map((r) => (
                  <tr key={r.motion.id.toString()} data-veto-motion-id={r.motion.id.toString()}>
                    <td>
                      <Link to={`/motions/${r.motion.id}`}>
                        {r.motion.id.toString()}: {r.title}
                      </Link>{" "}
                      ({r.motion.motionClass})
                    </td>
                    <td>{r.motion.state}</td>
                    <td>{r.motion.eta === 0n ? "—" : formatTime(r.motion.eta)}</td>
                    <td>
                      {r.campaign.windowEnd === 0n
                        ? "opens with the first lock"
                        : `${formatTime(r.campaign.windowEnd)}${now !== undefined ? ` (${relative(r.campaign.windowEnd, now)})` : ""}`}
                    </td>
                    <td className="num">{amount(r.campaign.opposition, c.asset)}</td>
                    <td className="num">{amount(r.campaign.support, c.asset)}</td>
                    <td data-testid="veto-state">
                      {r.campaign.vetoed ? "vetoed: the motion is canceled and can never execute" : "not vetoed"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {motions.data.map((r) => (
              <VetoCard key={r.motion.id.toString()} c={c} r={r} now={now} />
            ))}
          </>
        ))}
    </section>
  );
}

function VetoCard({ c, r, now }: { c: Community; r: VetoRow; now?: bigint }) {
  const { address } = useAccount();
  const [text, setText] = useState("");
  const veto = c.veto as Address;
  const parsed = parseAssetAmount(text, c.asset);
  const value = typeof parsed === "bigint" ? parsed : undefined;
  const ready = useApproval(c.asset, veto, value);
  const id = r.motion.id.toString();
  const windowOpen = r.campaign.windowEnd === 0n || (now !== undefined && now < r.campaign.windowEnd);
  const canLock = c.vetoOn && r.motion.state === "Queued" && windowOpen;
  const lock = (support: boolean): Call | undefined =>
    value === undefined || !ready || r.descriptionHash === undefined
      ? undefined
      : {
          address: veto,
          abi: CommunityVetoAbi,
          functionName: "lock",
          args: [r.motion.id, r.descriptionHash, support, value],
          value: c.asset.native ? value : 0n,
        };
  const withdrawable = r.lock !== undefined && !r.lock.withdrawn && !windowOpen;
  if (now === undefined || (!canLock && !withdrawable && r.lock === undefined)) return null;
  return (
    <div className="card" data-testid={`veto-${id}`}>
      <h3>Veto motion {id}</h3>
      {r.lock !== undefined && (
        <p data-testid={`veto-${id}-lock`}>
          Your lock: {amount(r.lock.amount, c.asset)} {r.lock.support ? "for" : "against"}
          {r.lock.withdrawn ? " (withdrawn)" : ""}
        </p>
      )}
      {canLock && (
        <>
          <label>
            Amount to lock on motion {id} ({c.asset.symbol})
            <input value={text} onChange={(e) => setText(e.target.value)} inputMode="decimal" />
          </label>
          <AmountError parsed={parsed} />
          {value !== undefined && !ready && address !== undefined && (
            <Approve asset={c.asset} spender={veto} amount={value} what={`motion ${id}`} />
          )}
          <p className="muted">
            The lock that brings opposition to {amount(c.vetoThreshold, c.asset)} and above support cancels the motion
            in the same transaction. Locks come back after the window closes, whatever happened.
          </p>
          <Action label={`Lock against motion ${id}`} what={`lock against motion ${id}`} call={lock(false)} />
          <Action label={`Lock for motion ${id}`} what={`lock for motion ${id}`} call={lock(true)} />
        </>
      )}
      {withdrawable && (
        <Action
          label={`Withdraw from the veto of motion ${id}`}
          what={`withdraw from the veto of motion ${id}`}
          call={{ address: veto, abi: CommunityVetoAbi, functionName: "withdraw", args: [r.motion.id] }}
        />
      )}
      {!canLock && !withdrawable && r.lock !== undefined && !r.lock.withdrawn && (
        <p className="muted">
          Your lock comes back after the window closes
          {r.campaign.windowEnd !== 0n && ` (${formatTime(r.campaign.windowEnd)})`}.
        </p>
      )}
    </div>
  );
}
