/**
 * Propose: an action builder over the system's ABIs (or any address with an ABI fragment), the class the policy
 * derives shown before sending, and import/export of the CLI's proposal files.
 */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { AbiFunction } from "viem";

import { CouncilGovernorAbi, MotionPolicyAbi, describeError, signatureOf, typeString, writableFunctions } from "../abi";
import type { System } from "../abi";
import { usePortal } from "../context";
import { useCouncil, useNames } from "../data";
import { CLASS_NAMES, bps, formatDuration } from "../format";
import { draftFunction, encodeDraft, exportProposal, importProposal } from "../proposal";
import type { Draft, DraftAction, Encoded } from "../proposal";
import { useSystem } from "../system";
import { Action, download } from "../tx";
import { ActionList } from "../ui/actions";
import { Failed, Loading } from "../ui/common";

const EMPTY: DraftAction = { contract: "ImprovementReserve", target: "", fn: "", fragment: "", args: [], value: "" };

function hint(name: string, type: string): string {
  if (name === "motionClass") return "a class name, e.g. Constitutional";
  if (type.startsWith("(")) return `a JSON list of its fields, ${type}`;
  if (type === "address") return "0x… or a system contract name";
  if (type === "bytes32") return "short text, e.g. ecosystem";
  if (type.endsWith("]")) return "comma-separated";
  if (/uint|int/.test(type)) {
    if (/^(start|end|cliff)$/.test(name)) return "date, e.g. 2027-01-01";
    if (/window|period|duration|delay|term/i.test(name)) return "duration, e.g. 21 days";
    if (/amount|total|limit|unit/i.test(name)) return "amount, e.g. 1000 KAIA";
  }
  return type;
}

export default function ProposePage() {
  const { system, error } = useSystem();
  if (error !== undefined) return <Failed what="the system's contracts" error={error} />;
  if (system === undefined) return <Loading what="the system's contracts" />;
  return <Builder system={system} />;
}

function Builder({ system }: { system: System }) {
  const { client, config } = usePortal();
  const names = useNames();
  const council = useCouncil().data;
  const [draft, setDraft] = useState<Draft>({ description: "", actions: [{ ...EMPTY }] });
  const [importError, setImportError] = useState<string>();
  const [importText, setImportText] = useState("");
  /** An edit of the draft; a refused import's line goes with it. */
  const edit = (next: Draft) => {
    setImportError(undefined);
    setDraft(next);
  };

  let encoded: Encoded | undefined;
  let problem: string | undefined;
  try {
    encoded = encodeDraft(system, draft);
  } catch (e) {
    problem = (e as Error).message;
  }

  const derived = useQuery({
    queryKey: [
      "derive",
      encoded === undefined ? "" : JSON.stringify([encoded.targets, encoded.values.map(String), encoded.calldatas]),
    ],
    enabled: encoded !== undefined,
    retry: false,
    queryFn: async () => {
      const e = encoded as Encoded;
      try {
        const cls = await client.readContract({
          address: config.addresses.policy,
          abi: MotionPolicyAbi,
          functionName: "classifyActions",
          args: [config.addresses.governor, e.targets, e.values, e.calldatas],
        });
        return { cls, error: undefined };
      } catch (err) {
        return { cls: undefined, error: describeError(err) };
      }
    },
  });
  const windows = useQuery({
    queryKey: ["windows"],
    queryFn: async () => {
      const g = { address: config.addresses.governor, abi: CouncilGovernorAbi } as const;
      const [queueWindow, executionWindow] = await Promise.all([
        client.readContract({ ...g, functionName: "queueWindow" }),
        client.readContract({ ...g, functionName: "executionWindow" }),
      ]);
      return { queueWindow, executionWindow };
    },
  }).data;

  function update(i: number, patch: Partial<DraftAction>) {
    edit({ ...draft, actions: draft.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  }

  function load(text: string) {
    setImportError(undefined);
    try {
      setDraft(importProposal(system, text));
    } catch (e) {
      setImportError((e as Error).message);
    }
  }

  const cls = derived.data?.cls;
  const cfg = cls !== undefined ? council?.classConfigs[cls] : undefined;

  return (
    <>
      <h1>Propose a motion</h1>
      <section aria-labelledby="import">
        <h2 id="import">Import or export a proposal file</h2>
        <p className="muted">
          The same JSON format as the CLI's <code>motion propose --file</code> (see docs/examples/).
        </p>
        <label>
          Proposal file
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f !== undefined) void f.text().then(load);
            }}
          />
        </label>
        <label>
          Proposal JSON
          <textarea rows={3} cols={70} value={importText} onChange={(e) => setImportText(e.target.value)} />
        </label>
        <button type="button" className="secondary" onClick={() => load(importText)}>
          Import JSON
        </button>{" "}
        <button
          type="button"
          className="secondary"
          onClick={() => download("proposal.json", exportProposal(system, draft))}
        >
          Export proposal file
        </button>
        {importError !== undefined && (
          <p role="alert" className="error">
            {importError}
          </p>
        )}
      </section>
      <section aria-labelledby="build">
        <h2 id="build">Motion</h2>
        <label>
          Description (Markdown; the first line is the title)
          <textarea
            rows={5}
            cols={80}
            value={draft.description}
            onChange={(e) => edit({ ...draft, description: e.target.value })}
          />
        </label>
        {draft.actions.map((a, i) => (
          <ActionEditor
            key={i}
            system={system}
            index={i}
            action={a}
            onChange={(patch) => update(i, patch)}
            onRemove={() => edit({ ...draft, actions: draft.actions.filter((_, j) => j !== i) })}
          />
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => edit({ ...draft, actions: [...draft.actions, { ...EMPTY }] })}
        >
          Add action
        </button>
      </section>
      <section aria-labelledby="preview">
        <h2 id="preview">Preview</h2>
        {problem !== undefined && (
          <p className="why-not" data-testid="draft-problem">
            {problem}
          </p>
        )}
        {encoded !== undefined && (
          <>
            <ActionList
              actions={encoded.targets.map((t, i) => ({
                target: t,
                value: encoded.values[i],
                data: encoded.calldatas[i],
              }))}
              names={names}
            />
            <div className="card" data-testid="derived-class">
              {derived.isPending && <p role="status">Asking the policy for the class…</p>}
              {derived.data?.error !== undefined && (
                <p role="alert" className="error">
                  The policy refuses these actions: {derived.data.error}
                </p>
              )}
              {cls !== undefined && (
                <>
                  <p>
                    The policy derives the class <strong data-testid="derived-class-name">{CLASS_NAMES[cls]}</strong>.
                  </p>
                  {cfg !== undefined && (
                    <ul>
                      <li>
                        Quorum: {bps(cfg.memberQuorumBps)} of eligible members or {bps(cfg.voteQuorumBps)} of votes
                      </li>
                      <li>
                        Approval: For ≥ {cfg.approvalNumerator}/{cfg.approvalDenominator} of votes cast, and more than
                        Against + Abstain
                      </li>
                      <li>
                        Voting opens after {formatDuration(cfg.votingDelay)} and lasts{" "}
                        {formatDuration(cfg.votingPeriod)}
                      </li>
                      <li>Timelock delay: {formatDuration(cfg.timelockDelay)}</li>
                      {windows !== undefined && (
                        <li>
                          Windows: queue within {formatDuration(windows.queueWindow)} of the deadline; execute within{" "}
                          {formatDuration(windows.executionWindow)} of the ETA
                        </li>
                      )}
                    </ul>
                  )}
                </>
              )}
            </div>
            {cls !== undefined && (
              <Action
                label="Propose motion"
                what="propose this motion"
                call={{
                  address: config.addresses.governor,
                  abi: CouncilGovernorAbi,
                  functionName: "propose",
                  args: [encoded.targets, encoded.values, encoded.calldatas, encoded.description],
                }}
              />
            )}
          </>
        )}
      </section>
    </>
  );
}

function ActionEditor({
  system,
  index,
  action,
  onChange,
  onRemove,
}: {
  system: System;
  index: number;
  action: DraftAction;
  onChange: (p: Partial<DraftAction>) => void;
  onRemove: () => void;
}) {
  const contract = system.find((s) => s.name === action.contract);
  const functions: AbiFunction[] = contract === undefined ? [] : writableFunctions(contract.abi);
  let fn: AbiFunction | undefined;
  let fragmentError: string | undefined;
  try {
    fn = draftFunction(system, action);
  } catch (e) {
    fragmentError = describeError(e);
  }
  const n = index + 1;
  return (
    <fieldset className="card">
      <legend>Action {n}</legend>
      <label>
        Contract (action {n})
        <select value={action.contract} onChange={(e) => onChange({ contract: e.target.value, fn: "", args: [] })}>
          {system
            .filter((s) => s.address !== undefined)
            .map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          <option value="">Another address…</option>
        </select>
      </label>
      {contract !== undefined ? (
        <label>
          Function (action {n})
          <select value={action.fn} onChange={(e) => onChange({ fn: e.target.value, args: [] })}>
            <option value="">(plain payment, no call)</option>
            {functions.map((f) => (
              <option key={signatureOf(f)} value={signatureOf(f)}>
                {signatureOf(f)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <>
          <label>
            Target address (action {n})
            <input value={action.target} onChange={(e) => onChange({ target: e.target.value })} size={44} />
          </label>
          <label>
            ABI fragment (action {n}, empty for a plain payment)
            <input
              value={action.fragment}
              onChange={(e) => onChange({ fragment: e.target.value })}
              size={44}
              placeholder="function setX(uint256 x)"
            />
          </label>
          {fragmentError !== undefined && action.fragment !== "" && (
            <p className="why-not">Not a function fragment: {fragmentError}</p>
          )}
        </>
      )}
      {fn?.inputs.map((input, j) => (
        <label key={`${fn.name}-${j}`}>
          {input.name || `arg ${j}`} ({typeString(input)}) (action {n})
          <input
            value={action.args[j] ?? ""}
            placeholder={hint(input.name ?? "", typeString(input))}
            onChange={(e) => {
              const args = [...action.args];
              while (args.length < fn.inputs.length) args.push("");
              args[j] = e.target.value;
              onChange({ args });
            }}
          />
        </label>
      ))}
      <label>
        Value sent (action {n}, coin units, e.g. 10 KAIA)
        <input value={action.value} onChange={(e) => onChange({ value: e.target.value })} />
      </label>
      <button type="button" className="secondary" onClick={onRemove}>
        Remove action {n}
      </button>
    </fieldset>
  );
}
