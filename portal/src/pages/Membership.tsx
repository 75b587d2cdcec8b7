export default function MembershipPage() {
  return <h1>Membership</h1>;
}
