/** Small shared pieces: address display, loading and error lines, progress bars, the history gaps notice. */
import type { ReactNode } from "react";
import { Link } from "react-router";

import { firstLine } from "../chain";
import type { History } from "../chain";
import { nameOf, shortAddress } from "../format";
import type { NameBook } from "../format";

export function Addr({ address, names }: { address: string; names?: NameBook }) {
  const name = names === undefined ? undefined : nameOf(names, address);
  return (
    <span className="addr">
      {name !== undefined && <span>{name} </span>}
      <code title={address}>{shortAddress(address)}</code>
    </span>
  );
}

export function Loading({ what }: { what: string }) {
  return <p role="status">Loading {what}…</p>;
}

export function Failed({ what, error }: { what: string; error: unknown }) {
  return (
    <p role="alert" className="error">
      Could not read {what}: {firstLine(error)}
    </p>
  );
}

export function Progress({ value, of, label }: { value: bigint; of: bigint; label: string }) {
  const pct = of === 0n ? 0 : Math.min(100, Number((value * 100n) / of));
  return (
    <span>
      <span
        className="bar"
        role="progressbar"
        aria-label={label}
        aria-valuenow={pct}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <span style={{ width: `${pct}%` }} />
      </span>{" "}
      {value.toString()} / {of.toString()}
    </span>
  );
}

/** What part of the history could not be read (public RPCs limit log ranges). */
export function HistoryGaps({ history }: { history?: History }) {
  if (history === undefined || history.missing.length === 0) return null;
  return (
    <div role="alert" className="error">
      Part of the history could not be read, so events in these blocks are missing:{" "}
      {history.missing.map((m) => `${m.from}–${m.to} (${m.reason})`).join("; ")}.
    </div>
  );
}

export function MemberLink({ id, children }: { id: bigint; children: ReactNode }) {
  return <Link to={`/members/${id}`}>{children}</Link>;
}

/** Links from a member's metadata URI: a URL, or a JSON document (data: or inline) with website/contact/services. */
export function MetadataLinks({ uri }: { uri: string }) {
  const links = metadataLinks(uri);
  if (links.length === 0) return <span className="muted">{uri}</span>;
  return (
    <span>
      {links.map(([label, href], i) => (
        <span key={href}>
          {i > 0 && " · "}
          {/^https?:|^mailto:/.test(href) ? (
            <a href={href} rel="noopener noreferrer nofollow" target="_blank">
              {label}
            </a>
          ) : (
            <span>{`${label}: ${href}`}</span>
          )}
        </span>
      ))}
    </span>
  );
}

export function metadataLinks(uri: string): [string, string][] {
  const trimmed = uri.trim();
  let json: unknown;
  try {
    if (trimmed.startsWith("data:application/json,")) json = JSON.parse(decodeURIComponent(trimmed.slice(22)));
    else if (trimmed.startsWith("{")) json = JSON.parse(trimmed);
  } catch {
    json = undefined;
  }
  if (json !== null && typeof json === "object") {
    const out: [string, string][] = [];
    for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
      if (key === "name") continue;
      if (typeof value === "string")
        out.push([
          key,
          key === "contact" && value.includes("@") && !value.startsWith("mailto:") ? `mailto:${value}` : value,
        ]);
      else if (Array.isArray(value)) value.forEach((v, i) => typeof v === "string" && out.push([`${key} ${i + 1}`, v]));
    }
    return out;
  }
  if (/^https?:\/\//.test(trimmed)) return [["website", trimmed]];
  if (/^[^@\s]+@[^@\s]+$/.test(trimmed)) return [["contact", `mailto:${trimmed}`]];
  return [];
}

/** A labelled choice of one member record, by id ("" until one is chosen). */
export function MemberSelect({
  label,
  members,
  value,
  onChange,
}: {
  label: string;
  members: readonly { id: bigint; name: string }[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">choose…</option>
        {members.map((m) => (
          <option key={m.id.toString()} value={m.id.toString()}>
            {m.name} ({m.id.toString()})
          </option>
        ))}
      </select>
    </label>
  );
}
