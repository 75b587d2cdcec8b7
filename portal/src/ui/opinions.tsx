/**
 * The motion page's community parts: the advisors' statements of opinion (and filing one, for an advisor account,
 * before voting ends), the members' vote extension (calls against the threshold, the new deadline, and the call
 * itself while the motion is Active), and, for a membership motion, the community veto's campaign. Whether an account may file or call is the contract's answer (tx.tsx).
 */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { isHex } from "viem";
import type { Hex } from "viem";

import { AdvisorBoardAbi, CommunityVetoAbi, VoteExtensionAbi } from "../abi";
import { RECOMMENDATIONS, assetUnits, useCommunity, useExtension, useOpinions } from "../community";
import { usePortal } from "../context";
import { formatDuration, formatTime } from "../format";
import type { NameBook } from "../format";
import type { StateName } from "../format";
import { Action } from "../tx";
import type { Call } from "../tx";
import { Addr, Failed, Loading } from "./common";

/** Reads a content hash: 32 bytes of hex (`hash`), nothing when empty, or the reason it is not one (`error`). */
export function parseContentHash(text: string): { hash?: Hex; error?: string } {
  const t = text.trim();
  if (t === "") return {};
  if (!isHex(t) || t.length !== 66) {
    return {
      error: `The content hash must be 32 bytes of hex (0x and 64 hex digits), e.g. the statement's sha256; got “${t.length > 20 ? `${t.slice(0, 20)}…` : t}”.`,
    };
  }
  return { hash: t };
}

export function Opinions({ id, state, names }: { id: bigint; state: StateName; names: NameBook }) {
  const { config } = usePortal();
  const opinions = useOpinions(id);
  if (config.addresses.advisors === undefined) return null;
  return (
    <section aria-labelledby="opinions">
      <h2 id="opinions">Advisors' opinions</h2>
      {opinions.isPending && <Loading what="the advisors' opinions" />}
      {opinions.isError && <Failed what="the advisors' opinions" error={opinions.error} />}
      {opinions.data !== undefined &&
        opinions.data !== null &&
        (opinions.data.opinions.length === 0 ? (
          <p>No opinion filed.</p>
        ) : (
          <table aria-label="Advisors' opinions">
            <thead>
              <tr>
                <th>Advisor</th>
                <th>Recommends</th>
                <th>Filed</th>
                <th>Statement</th>
                <th>Content hash</th>
              </tr>
            </thead>
            <tbody>
              {opinions.data.opinions.map((o) => (
                <tr key={o.advisor} data-advisor={o.advisor}>
                  <td>
                    {o.name === "" ? "former advisor " : `${o.name} `}
                    <Addr address={o.advisor} names={names} />
                  </td>
                  <td>{o.recommendation}</td>
                  <td>{formatTime(o.filedAt)}</td>
                  <td>
                    {/^https?:\/\//.test(o.uri) ? (
                      <a href={o.uri} rel="noopener noreferrer nofollow" target="_blank">
                        {o.uri}
                      </a>
                    ) : (
                      <code>{o.uri}</code>
                    )}
                  </td>
                  <td>
                    <code style={{ wordBreak: "break-all" }}>{o.contentHash}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {opinions.data?.isAdvisor === true && !opinions.data.filed && (state === "Pending" || state === "Active") && (
        <FileOpinion id={id} />
      )}
    </section>
  );
}

function FileOpinion({ id }: { id: bigint }) {
  const { config } = usePortal();
  const [recommendation, setRecommendation] = useState(1);
  const [uri, setUri] = useState("");
  const [hash, setHash] = useState("");
  const parsed = parseContentHash(hash);
  const call: Call | undefined =
    uri.trim() === "" || parsed.hash === undefined
      ? undefined
      : {
          address: config.addresses.advisors!,
          abi: AdvisorBoardAbi,
          functionName: "fileOpinion",
          args: [id, recommendation, uri.trim(), parsed.hash],
        };
  return (
    <div className="card">
      <h3>File your opinion</h3>
      <p className="muted">One opinion per advisor and motion, before its voting ends; it cannot be changed.</p>
      <label>
        Recommendation
        <select value={recommendation} onChange={(e) => setRecommendation(Number(e.target.value))}>
          {RECOMMENDATIONS.map((r, i) => (
            <option key={r} value={i}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label>
        Statement URI
        <input value={uri} onChange={(e) => setUri(e.target.value)} size={60} />
      </label>
      <label>
        Statement content hash (0x…)
        <input value={hash} onChange={(e) => setHash(e.target.value)} size={70} />
      </label>
      {parsed.error !== undefined && (
        <p role="alert" className="error">
          {parsed.error}
        </p>
      )}
      <Action label="File opinion" what="file an opinion on this motion" call={call} />
    </div>
  );
}

/** The extension's state, for the timeline: calls against the threshold, or the granted deadline. */
export function ExtensionLine({ id, deadline }: { id: bigint; deadline: bigint }) {
  const ext = useExtension(id);
  if (ext.data === undefined || ext.data === null) return null;
  const e = ext.data;
  return (
    <>
      <dt>Members' extension</dt>
      <dd data-testid="extension-status">
        {e.extendedDeadline !== 0n
          ? `extended by ${formatDuration(e.amount)} after ${e.calls} members called: the vote closes at ${formatTime(deadline)}`
          : e.needed === 0n
            ? `not extended; members may call once voting opens (it would add ${formatDuration(e.amount)})`
            : `not extended: ${e.calls} of ${e.needed} calls needed (it would add ${formatDuration(e.amount)})`}
      </dd>
    </>
  );
}

/** "Call for an extension" while the motion is Active; the contract decides who is eligible. */
export function CallForExtension({ id }: { id: bigint }) {
  const { config } = usePortal();
  const ext = useExtension(id);
  if (config.addresses.voteExtension === undefined || ext.data == null || ext.data.extendedDeadline !== 0n) {
    return null;
  }
  return (
    <div className="card">
      <h3>Extend the vote</h3>
      <p className="muted">
        Eligible members may call once each; when {ext.data.needed.toString()} have called, the deadline moves by{" "}
        {formatDuration(ext.data.amount)}, once.
      </p>
      <Action
        label="Call for an extension"
        what="call for an extension"
        call={{
          address: config.addresses.voteExtension,
          abi: VoteExtensionAbi,
          functionName: "callForExtension",
          args: [id],
        }}
      />
    </div>
  );
}

/** For an Admission or No-confidence motion: the community veto's phase and this motion's campaign. */
export function VetoLine({ id }: { id: bigint }) {
  const { client } = usePortal();
  const community = useCommunity().data;
  const veto = community?.veto;
  const campaign = useQuery({
    queryKey: ["campaign", veto ?? "", String(id)],
    enabled: veto !== undefined,
    queryFn: () => client.readContract({ address: veto!, abi: CommunityVetoAbi, functionName: "campaign", args: [id] }),
  }).data;
  if (community == null || veto === undefined || campaign === undefined) return null;
  const amount = (v: bigint) => `${assetUnits(v, community.asset)} ${community.asset.symbol}`;
  return (
    <>
      <dt>Community veto</dt>
      <dd data-testid="veto-status">
        {campaign.vetoed
          ? `vetoed: opposition ${amount(campaign.opposition)} against support ${amount(campaign.support)}; the motion can never execute`
          : campaign.windowEnd !== 0
            ? `campaign open until ${formatTime(campaign.windowEnd)}: opposition ${amount(campaign.opposition)}, support ${amount(campaign.support)} (vetoed at ${amount(community.vetoThreshold)} of opposition above support)`
            : community.vetoOn
              ? "phase on: holders may lock against it on the Community page while it is queued"
              : "phase off"}{" "}
        (<Link to="/community">Community</Link>)
      </dd>
    </>
  );
}
