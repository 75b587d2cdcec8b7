/** Membership: open applications (sponsorship window, bonded stake), applying, sponsoring, no confidence. */
import { useState } from "react";
import type { Address } from "viem";

import { CouncilGovernorAbi, CouncilRegistryAbi, coinUnits } from "../abi";
import { usePortal } from "../context";
import { useCouncil, useNow } from "../data";
import { formatTime, relative } from "../format";
import { Action } from "../tx";
import { Failed, Loading, MemberLink, MemberSelect, MetadataLinks } from "../ui/common";
import { useAccount } from "../wallet";

export default function MembershipPage() {
  const { config } = usePortal();
  const council = useCouncil();
  const now = useNow();
  if (council.isPending) return <Loading what="the council" />;
  if (council.isError) return <Failed what="the council" error={council.error} />;
  const c = council.data;
  const candidates = c.members.filter((m) => m.status === "Candidate");
  const active = c.members.filter((m) => m.status === "Active");
  return (
    <>
      <h1>Membership</h1>
      <section aria-labelledby="applications">
        <h2 id="applications">Applications</h2>
        {candidates.length === 0 ? (
          <p>No open applications.</p>
        ) : (
          <table aria-label="Applications">
            <thead>
              <tr>
                <th>Candidate</th>
                <th>Applied</th>
                <th>Sponsorship window</th>
                <th className="num">Bonded stake</th>
                <th>Eligible to be admitted</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((m) => {
                const closes = BigInt(m.appliedAt) + c.sponsorshipWindow;
                return (
                  <tr key={m.id.toString()} data-member-id={m.id.toString()}>
                    <td>
                      <MemberLink id={m.id}>{m.name}</MemberLink> (id {m.id.toString()})<br />
                      <MetadataLinks uri={m.metadataURI} />
                    </td>
                    <td>{formatTime(m.appliedAt)}</td>
                    <td>
                      {m.applicationOpen ? "open" : "closed"} — closes {formatTime(closes)}
                      {now !== undefined && ` (${relative(closes, now)})`}
                    </td>
                    <td className="num">
                      {coinUnits(m.stake)} {config.coin}
                    </td>
                    <td>{m.stake >= c.stakeUnit ? "bonded" : `needs ${coinUnits(c.stakeUnit)} ${config.coin}`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {candidates.map((m) => (
          <Sponsor key={m.id.toString()} id={m.id} name={m.name} />
        ))}
      </section>
      <Apply />
      <section aria-labelledby="noconfidence">
        <h2 id="noconfidence">No confidence</h2>
        <p className="muted">
          An eligible member may move no confidence in another active member. The target cannot vote on it, and it needs
          For ≥ ⅔ of the votes cast.
        </p>
        <NoConfidence members={active.map((m) => ({ id: m.id, name: m.name }))} />
      </section>
    </>
  );
}

function Sponsor({ id, name }: { id: bigint; name: string }) {
  const { config } = usePortal();
  const [description, setDescription] = useState(`# Admit ${name}\n\nSponsored from the governance portal.`);
  return (
    <div className="card">
      <h3>Sponsor {name}</h3>
      <label>
        Admission motion description ({name})
        <textarea rows={3} cols={70} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <Action
        label={`Sponsor ${name}`}
        what={`sponsor ${name}`}
        call={{
          address: config.addresses.governor,
          abi: CouncilGovernorAbi,
          functionName: "proposeAdmission",
          args: [id, description],
        }}
      />
    </div>
  );
}

function Apply() {
  const { config } = usePortal();
  const { address } = useAccount();
  const [name, setName] = useState("");
  const [uri, setUri] = useState("");
  const [voter, setVoter] = useState("");
  const [nodes, setNodes] = useState("");
  const voterAddress = (voter.trim() === "" ? address : voter.trim()) as Address | undefined;
  const nodeList = nodes.split(/[\s,]+/).filter((n) => n !== "") as Address[];
  const ready =
    name.trim() !== "" &&
    uri.trim() !== "" &&
    voterAddress !== undefined &&
    /^0x[0-9a-fA-F]{40}$/.test(voterAddress) &&
    nodeList.every((n) => /^0x[0-9a-fA-F]{40}$/.test(n));
  return (
    <section aria-labelledby="apply">
      <h2 id="apply">Apply for membership</h2>
      <p className="muted">
        The connected account becomes the applicant's admin. After applying, bond at least one stake unit on the Stake
        page; a member or the secretariat then sponsors the application within the window.
      </p>
      <label>
        Organization name
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Metadata URI (website, services, contact)
        <input value={uri} onChange={(e) => setUri(e.target.value)} size={50} />
      </label>
      <label>
        Voter account (empty: this account)
        <input value={voter} onChange={(e) => setVoter(e.target.value)} size={44} />
      </label>
      <label>
        Consensus node addresses (comma-separated)
        <input value={nodes} onChange={(e) => setNodes(e.target.value)} size={50} />
      </label>
      <Action
        label="Apply"
        what="apply"
        call={
          ready
            ? {
                address: config.addresses.registry,
                abi: CouncilRegistryAbi,
                functionName: "applyForMembership",
                args: [name.trim(), uri.trim(), voterAddress as Address, nodeList],
              }
            : undefined
        }
      />
    </section>
  );
}

function NoConfidence({ members }: { members: { id: bigint; name: string }[] }) {
  const { config } = usePortal();
  const [target, setTarget] = useState("");
  const [description, setDescription] = useState("");
  const chosen = members.find((m) => m.id.toString() === target);
  return (
    <div className="card">
      <MemberSelect label="Member" members={members} value={target} onChange={setTarget} />
      <label>
        Reasons (the motion's description)
        <textarea rows={3} cols={70} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <Action
        label="Move no confidence"
        what="move no confidence"
        call={
          chosen !== undefined && description.trim() !== ""
            ? {
                address: config.addresses.governor,
                abi: CouncilGovernorAbi,
                functionName: "proposeNoConfidence",
                args: [chosen.id, description],
              }
            : undefined
        }
      />
    </div>
  );
}
