export default function MemberPage() {
  return <h1>Member</h1>;
}
