/**
 * The Stake page with a Kaia stake source: votes come from members' Kaia CnStaking contracts, not coin bonded in the
 * vault. It shows the source (tracker or read mode, the AddressBook), every linked CnStaking with its recorded and
 * current effective stake (a record that a refresh would change is flagged stale), and in tracker mode whether each
 * CnStaking points at this council. Anyone may refresh a contract, or link the one the AddressBook lists for a
 * member's node; each call is checked against the vault first, so a refusal is one line.
 */
import { useState } from "react";
import { isAddress } from "viem";
import type { Address } from "viem";

import { KaiaStakeVaultAbi, coinUnits } from "../abi";
import { usePortal } from "../context";
import { useCouncil, useHistory } from "../data";
import type { MemberRow } from "../data";
import { sameAddress, shortAddress } from "../format";
import { useAddressBookEntry, useLinkedStaking } from "../kaia";
import type { KaiaSource, StakingRow } from "../kaia";
import { Action } from "../tx";
import { Addr, Failed, HistoryGaps, Loading, MemberLink } from "../ui/common";
import { useAccount } from "../wallet";

export default function KaiaStake({ source }: { source: KaiaSource }) {
  const { config } = usePortal();
  const { address } = useAccount();
  const council = useCouncil();
  const history = useHistory().data;
  const links = useLinkedStaking(source);
  const coin = config.coin;

  if (council.isError) return <Failed what="the council" error={council.error} />;
  if (links.isError) return <Failed what="the linked CnStaking contracts" error={links.error} />;
  if (council.data === undefined || links.data === undefined) return <Loading what="the stake" />;
  const { members, stakeUnit } = council.data;
  const rows = links.data;
  const mine = members.find((m) => sameAddress(m.admin, address));

  return (
    <>
      <h1>Stake</h1>
      <p data-testid="stake-source">
        Stake source: Kaia CnStaking,{" "}
        {source.trackerMode
          ? "tracker mode: members point their CnStaking at this council's vault, and every balance change refreshes it"
          : "read mode: Kaia's own StakingTracker stays, and anyone refreshes a contract's record before a snapshot"}
        . AddressBook <code title={source.addressBook}>{source.addressBook}</code>.
      </p>
      <p className="muted">
        A member's stake is the sum of its linked CnStaking contracts' effective stake (balance − unstaking) as last
        recorded; one vote per {coinUnits(stakeUnit)} {coin}, capped. Stake is staked and withdrawn in the CnStaking
        contracts themselves: this vault holds none.
      </p>
      <HistoryGaps history={history} />
      {mine !== undefined && (
        <dl>
          <dt>Member</dt>
          <dd>
            {mine.name} ({mine.status})
          </dd>
          <dt>Recorded stake</dt>
          <dd data-testid="my-stake">
            {coinUnits(mine.stake)} {coin}
          </dd>
          <dt>Votes</dt>
          <dd>{mine.votes.toString()}</dd>
        </dl>
      )}
      <MemberTable members={members} rows={rows} coin={coin} />
      <StakingTable members={members} rows={rows} source={source} coin={coin} />
      <LinkForm members={members} source={source} preferred={mine} />
    </>
  );
}

function MemberTable({ members, rows, coin }: { members: MemberRow[]; rows: StakingRow[]; coin: string }) {
  return (
    <section aria-labelledby="kaia-members">
      <h2 id="kaia-members">Members</h2>
      <table aria-label="Members' CnStaking stake">
        <thead>
          <tr>
            <th>Member</th>
            <th className="num">Linked</th>
            <th className="num">Recorded stake ({coin})</th>
            <th className="num">Current stake ({coin})</th>
            <th className="num">Votes</th>
            <th>Record</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const mineRows = rows.filter((r) => r.memberId === m.id);
            const unreadable = mineRows.some((r) => r.current === undefined);
            const current = mineRows.reduce((sum, r) => sum + (r.current ?? 0n), 0n);
            const stale = mineRows.filter((r) => r.stale).length;
            return (
              <tr key={m.id.toString()} data-testid={`kaia-member-${m.id}`}>
                <td>
                  <MemberLink id={m.id}>{m.name}</MemberLink>
                </td>
                <td className="num">{mineRows.length}</td>
                <td className="num" data-testid="recorded">
                  {coinUnits(m.stake)}
                </td>
                <td className="num" data-testid="current">
                  {unreadable ? "unreadable" : coinUnits(current)}
                </td>
                <td className="num" data-testid="votes">
                  {m.votes.toString()}
                </td>
                <td data-testid="record">
                  {mineRows.length === 0
                    ? "no CnStaking linked"
                    : stale === 0
                      ? "current"
                      : `stale: refresh ${stale === 1 ? "its contract" : `${stale} contracts`} below`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function trackerLine(row: StakingRow, vault: Address): string {
  if (row.tracker === undefined) return "tracker unreadable";
  if (sameAddress(row.tracker, vault)) return "points at this council";
  return `points elsewhere (${shortAddress(row.tracker)}): counts 0`;
}

function StakingTable({
  members,
  rows,
  source,
  coin,
}: {
  members: MemberRow[];
  rows: StakingRow[];
  source: KaiaSource;
  coin: string;
}) {
  const { config } = usePortal();
  const vault = config.addresses.vault;
  return (
    <section aria-labelledby="kaia-staking">
      <h2 id="kaia-staking">Linked CnStaking contracts</h2>
      {rows.length === 0 ? (
        <p>No CnStaking contract is linked yet: link one through the AddressBook below.</p>
      ) : (
        <table aria-label="Linked CnStaking contracts">
          <thead>
            <tr>
              <th>CnStaking</th>
              <th>Member</th>
              <th className="num">gcId</th>
              <th>Linked by</th>
              <th className="num">Recorded ({coin})</th>
              <th className="num">Current ({coin})</th>
              <th>Record</th>
              {source.trackerMode && <th>Tracker</th>}
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const member = members.find((m) => m.id === r.memberId);
              return (
                <tr key={r.staking} data-testid={`staking-${r.staking.toLowerCase()}`}>
                  <td>
                    <Addr address={r.staking} />
                  </td>
                  <td>
                    <MemberLink id={r.memberId}>{member?.name ?? `#${r.memberId}`}</MemberLink>
                  </td>
                  <td className="num">{r.gcId.toString()}</td>
                  <td>{r.byGovernance ? "governance" : "AddressBook"}</td>
                  <td className="num" data-testid="recorded">
                    {coinUnits(r.recorded)}
                  </td>
                  <td className="num" data-testid="current">
                    {r.current === undefined ? `unreadable (${r.currentError ?? "no answer"})` : coinUnits(r.current)}
                  </td>
                  <td data-testid="record">{r.stale ? "stale: refresh it" : "current"}</td>
                  {source.trackerMode && <td data-testid="tracker">{trackerLine(r, vault)}</td>}
                  <td>
                    <Action
                      label={`Refresh ${shortAddress(r.staking)}`}
                      what="refresh this contract"
                      call={{
                        address: vault,
                        abi: KaiaStakeVaultAbi,
                        functionName: "refreshStake",
                        args: [r.staking],
                      }}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="muted">
        Anyone may refresh a contract: the vault records its effective stake now, and the member's votes follow from the
        next block. Past snapshots never change.
      </p>
    </section>
  );
}

function LinkForm({ members, source, preferred }: { members: MemberRow[]; source: KaiaSource; preferred?: MemberRow }) {
  const { config } = usePortal();
  const [memberText, setMemberText] = useState<string>();
  const [nodeText, setNodeText] = useState<string>();
  const [stakingText, setStakingText] = useState<string>();
  const member = members.find((m) => m.id.toString() === memberText) ?? preferred ?? members[0];
  const node = member?.nodes.find((n) => n === nodeText) ?? member?.nodes[0];
  const listed = useAddressBookEntry(source, node);
  const staking = stakingText ?? listed ?? "";
  const call =
    member !== undefined && node !== undefined && isAddress(staking)
      ? {
          address: config.addresses.vault,
          abi: KaiaStakeVaultAbi,
          functionName: "linkStakingByAddressBook",
          args: [member.id, node, staking],
        }
      : undefined;
  return (
    <section aria-labelledby="kaia-link">
      <h2 id="kaia-link">Link a CnStaking through the AddressBook</h2>
      <p className="muted">
        Anyone may link the CnStaking that Kaia's AddressBook lists for one of a member's registered consensus nodes;
        the vault checks the AddressBook, the node and the contract's gcId. A candidate's link goes through a node it
        applied with and must be sent by one of the CnStaking's admins. Governance links any other contract by motion.
      </p>
      <label>
        Member
        <select
          aria-label="Member"
          value={member?.id.toString() ?? ""}
          onChange={(e) => {
            setMemberText(e.target.value);
            setNodeText(undefined);
            setStakingText(undefined);
          }}
        >
          {members.map((m) => (
            <option key={m.id.toString()} value={m.id.toString()}>
              {m.name} (#{m.id.toString()})
            </option>
          ))}
        </select>
      </label>
      <label>
        Consensus node
        <select
          aria-label="Consensus node"
          value={node ?? ""}
          onChange={(e) => {
            setNodeText(e.target.value);
            setStakingText(undefined);
          }}
        >
          {member?.nodes.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <p data-testid="address-book-entry">
        {node === undefined
          ? "This member has no registered node."
          : listed === undefined
            ? "Reading the AddressBook…"
            : listed === null
              ? "The AddressBook lists no CnStaking for this node."
              : `The AddressBook lists ${listed} for this node.`}
      </p>
      <label>
        CnStaking address
        <input aria-label="CnStaking address" value={staking} onChange={(e) => setStakingText(e.target.value)} />
      </label>
      <Action label="Link by AddressBook" what="link this contract" call={call} />
    </section>
  );
}
