export default function ReservePage() {
  return <h1>Reserve</h1>;
}
