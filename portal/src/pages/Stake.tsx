/**
 * Stake. With a bonded StakeVault, the member admin stakes, requests unstakes, withdraws and restakes, and sees its
 * pending requests. With a KaiaStakeVault (probed on the chain), the page shows the Kaia stake source instead: its
 * mode, the linked CnStaking contracts with their recorded and current stake, and refresh and link actions
 * (KaiaStake.tsx); the vault refuses bonding there, so those actions are not offered.
 */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { zeroAddress } from "viem";

import { CouncilRegistryAbi, StakeVaultAbi, coinUnits } from "../abi";
import { usePortal } from "../context";
import { useCouncil, useNow } from "../data";
import { formatDuration, formatTime, relative } from "../format";
import { Action } from "../tx";
import { coinInput } from "../ui/amount";
import { useStakeSource } from "../kaia";
import { Failed, Loading } from "../ui/common";
import { useAccount } from "../wallet";
import KaiaStake from "./KaiaStake";

export default function StakePage() {
  const source = useStakeSource();
  if (source.isPending) return <Loading what="the stake source" />;
  if (source.isError) return <Failed what="the stake source" error={source.error} />;
  return source.data === null ? <BondedStake /> : <KaiaStake source={source.data} />;
}

/** The bonded StakeVault: stake, unstake, withdraw and restake. */
function BondedStake() {
  const { client, config } = usePortal();
  const { address } = useAccount();
  const council = useCouncil().data;
  const now = useNow();
  const v = { address: config.addresses.vault, abi: StakeVaultAbi } as const;
  const mine = useQuery({
    queryKey: ["stake", address ?? ""],
    enabled: address !== undefined,
    queryFn: async () => {
      const [memberId, token] = await Promise.all([
        client.readContract({
          address: config.addresses.registry,
          abi: CouncilRegistryAbi,
          functionName: "memberIdOfAdmin",
          args: [address as `0x${string}`],
        }),
        client.readContract({ ...v, functionName: "stakeToken" }),
      ]);
      if (memberId === 0n) return { memberId, token, requests: [] };
      const count = await client.readContract({ ...v, functionName: "unbondingRequestCount", args: [memberId] });
      const requests = await Promise.all(
        Array.from({ length: Number(count) }, (_, i) => BigInt(i)).map(async (i) => ({
          index: i,
          ...(await client.readContract({ ...v, functionName: "unbondingRequest", args: [memberId, i] })),
        })),
      );
      return { memberId, token, requests };
    },
  });
  const [amount, setAmount] = useState("");
  const [unstake, setUnstake] = useState("");

  if (address === undefined) {
    return (
      <>
        <h1>Stake</h1>
        <p>Connect the member's admin account to stake, request an unstake, withdraw or restake.</p>
        {council !== undefined && (
          <p className="muted">
            Stake unit {coinUnits(council.stakeUnit)} {config.coin}; unbonding {formatDuration(council.unbondingPeriod)}
            , then a withdrawal window of {formatDuration(council.withdrawalWindow)}.
          </p>
        )}
      </>
    );
  }
  if (mine.isPending || council === undefined) return <Loading what="your stake" />;
  const data = mine.data;
  const member = council.members.find((m) => m.id === data?.memberId);
  const native = data?.token === zeroAddress;
  const stakeWei = coinInput(amount);
  const unstakeWei = coinInput(unstake);
  return (
    <>
      <h1>Stake</h1>
      <p className="muted">
        Stake unit {coinUnits(council.stakeUnit)} {config.coin}; an unstake unbonds for{" "}
        {formatDuration(council.unbondingPeriod)}, then may be withdrawn within{" "}
        {formatDuration(council.withdrawalWindow)}; an expired or pending request can be restaked.
      </p>
      {member === undefined ? (
        <p>
          This account is not a member's or candidate's admin. Apply on the Membership page first, or stake for a member
          by id below.
        </p>
      ) : (
        <dl>
          <dt>Member</dt>
          <dd>
            {member.name} ({member.status})
          </dd>
          <dt>Stake</dt>
          <dd data-testid="my-stake">
            {coinUnits(member.stake)} {config.coin}
          </dd>
          <dt>Unbonding</dt>
          <dd>
            {coinUnits(member.pending)} {config.coin}
          </dd>
          <dt>Votes</dt>
          <dd>{member.votes.toString()}</dd>
        </dl>
      )}
      <section aria-labelledby="stake-now">
        <h2 id="stake-now">Stake</h2>
        <label>
          Amount to stake ({config.coin})
          <input value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
        <Action
          label="Stake"
          what="stake"
          call={
            stakeWei === undefined
              ? undefined
              : { ...v, functionName: "stake", args: [stakeWei], value: native ? stakeWei : 0n }
          }
        />
      </section>
      {member !== undefined && (
        <section aria-labelledby="unstake">
          <h2 id="unstake">Unstake</h2>
          <label>
            Amount to unstake ({config.coin})
            <input value={unstake} onChange={(e) => setUnstake(e.target.value)} />
          </label>
          <Action
            label="Request unstake"
            what="request an unstake"
            call={
              unstakeWei === undefined
                ? undefined
                : { ...v, functionName: "requestUnstake", args: [member.id, unstakeWei] }
            }
          />
          <h3>Requests</h3>
          {data !== undefined && data.requests.length === 0 ? (
            <p>No unstake requests.</p>
          ) : (
            <table aria-label="Unstake requests">
              <thead>
                <tr>
                  <th className="num">Request</th>
                  <th className="num">Amount</th>
                  <th>Withdrawable from</th>
                  <th>Until</th>
                  <th>Status</th>
                  <th>Actions</th>
                </tr>
              </thead>
              <tbody>
                {data?.requests.map((r) => {
                  const status = r.settled
                    ? "settled"
                    : now === undefined
                      ? ""
                      : now < BigInt(r.unlocksAt)
                        ? `unbonding (${relative(BigInt(r.unlocksAt), now)})`
                        : now < BigInt(r.expiresAt)
                          ? "withdrawable"
                          : "expired (restake it)";
                  return (
                    <tr key={r.index.toString()}>
                      <td className="num">{r.index.toString()}</td>
                      <td className="num">{coinUnits(r.amount)}</td>
                      <td>{formatTime(r.unlocksAt)}</td>
                      <td>{formatTime(r.expiresAt)}</td>
                      <td>{status}</td>
                      <td>
                        {!r.settled && (
                          <>
                            <Action
                              label={`Withdraw request ${r.index}`}
                              what="withdraw this request"
                              call={{ ...v, functionName: "withdraw", args: [member.id, r.index, address] }}
                            />
                            <Action
                              label={`Restake request ${r.index}`}
                              what="restake this request"
                              call={{ ...v, functionName: "restake", args: [member.id, r.index] }}
                            />
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}
